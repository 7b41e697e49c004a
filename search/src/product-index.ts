import { graphConsume, graphSeed, ProductVariantWorkflowEvents, ProductWorkflowEvents, search } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import {
  effectiveCertificationStatus,
  isCertifiedStatus,
  isVariantInStock,
  LAPSED_CERTIFICATION_STATUSES,
  OcopEvents,
  pickCurrentCertification,
  todayInVietnam,
  VARIANT_STOCK_FIELDS,
} from "@ocop/domain"
import { getCommune, getProvince } from "@ocop/domain/places"
import { expandGroupCode, getProductGroup } from "@ocop/domain/taxonomy"
import { expandSynonyms } from "./synonyms"
import { WRITE_BACKSTOP_MS, whenWritten, withinBackstop } from "./write-order"

/**
 * The product search index: what buyers type is matched against the title first, then producer and places
 * (current and pre-2025 province names), then groups, tags and description; filters and facets cover stars,
 * province, QĐ 148 group, producer type, certificate status, stock and price.
 */
export const productSearchFields: SearchTypes.SearchIndexFieldsInput = search.define({
  id: search.keyword().filterable(),
  title: search.text().searchable({ weight: 3 }).sortable(),
  producer_name: search.text().searchable({ weight: 2 }),
  province_names: search.text().searchable({ weight: 2 }),
  commune_name: search.text().searchable(),
  group_names: search.text().searchable(),
  tags: search.text().searchable(),
  description: search.text().searchable(),
  synonyms: search.text().searchable().retrievable(false),
  handle: search.keyword(),
  thumbnail: search.keyword(),
  status: search.keyword().filterable().retrievable(false),
  sales_channel_ids: search.keyword().array().filterable().retrievable(false),
  stars: search
    .integer()
    .filterable()
    .sortable()
    .facetable({ types: ["value"] }),
  potential_five_star: search.boolean().filterable(),
  certification_id: search.keyword(),
  certification_status: search.keyword().filterable().facetable(),
  valid_until: search.date().filterable(),
  certified_at: search.date().sortable(),
  province_code: search.keyword().filterable().facetable(),
  group_codes: search.keyword().array().filterable().facetable(),
  producer_id: search.keyword().filterable(),
  producer_type: search.keyword().filterable().facetable(),
  in_stock: search.boolean().filterable().facetable(),
  buyable: search.boolean().filterable().facetable(),
  promoted: search.boolean().filterable().retrievable(false),
  price: search
    .float()
    .filterable()
    .sortable()
    .facetable({ types: ["stats"] }),
  created_at: search.date().sortable(),
})

export const PRODUCT_SOURCE_FIELDS = [
  "id",
  "title",
  "handle",
  "thumbnail",
  "description",
  "status",
  "created_at",
  "tags.value",
  "sales_channels.id",
  ...VARIANT_STOCK_FIELDS.map((field) => `variants.${field}`),
  "variants.prices.amount",
  "variants.prices.currency_code",
  "certifications.*",
  "producer.id",
  "producer.name",
  "producer.type",
]

type Row = any

/** A variant a buyer can put in a cart now: a VND price, and stock (or stock not managed, or backorders allowed). */
function isVariantBuyable(v: Row): boolean {
  const priced = (v.prices ?? []).some((p: Row) => p?.currency_code === "vnd" && p.amount !== null && p.amount !== undefined)
  return priced && isVariantInStock(v)
}

/**
 * Whether a buyer can order the product online now. Imported products are published as showcase listings with
 * no variant or price (issue 14): they are listed but not buyable until their producer adds a pack size.
 */
export function isProductBuyable(product: Row): boolean {
  return product.status === "published" && (product.variants ?? []).some(isVariantBuyable)
}

/**
 * One search document per product; stars are set only while the product is certified (valid, or of unknown
 * validity: listed without a decision date, shown as "validity not verified").
 */
export function buildProductDocument(product: Row, today = todayInVietnam()): Row {
  const cert = pickCurrentCertification<Row>(product.certifications, today)
  const status = cert ? effectiveCertificationStatus(cert, today) : null
  const province = cert ? getProvince(cert.province_code) : undefined
  const commune = cert?.commune_code ? getCommune(cert.commune_code) : undefined
  const groupCodes = cert?.product_group_code ? expandGroupCode(cert.product_group_code) : []
  const prices = (product.variants ?? [])
    .flatMap((v: Row) => v.prices ?? [])
    .filter((p: Row) => p?.currency_code === "vnd")
    .map((p: Row) => Number(p.amount))
  const provinceNames = province
    ? [province.name, ...province.formerProvinces.map((p) => p.name), cert?.province_as_listed].filter(Boolean)
    : [cert?.province_as_listed].filter(Boolean)
  const groupNames = groupCodes.map((c) => getProductGroup(c)!.name)
  const tags = (product.tags ?? []).map((t: Row) => t.value).filter(Boolean)
  return {
    id: product.id,
    title: product.title,
    producer_name: product.producer?.name ?? null,
    province_names: [...new Set(provinceNames)].join(" · "),
    commune_name: [commune?.name, cert?.commune_as_listed, cert?.district_as_listed].filter(Boolean).join(" · ") || null,
    group_names: groupNames.join(" · ") || null,
    tags: tags.join(" · ") || null,
    description: product.description ?? null,
    synonyms: expandSynonyms([product.title, ...tags].join(" ")).join(" · ") || null,
    handle: product.handle,
    thumbnail: product.thumbnail ?? null,
    status: product.status,
    sales_channel_ids: (product.sales_channels ?? []).filter(Boolean).map((s: Row) => s.id),
    stars: isCertifiedStatus(status) ? cert!.stars : null,
    potential_five_star: isCertifiedStatus(status) ? Boolean(cert!.potential_five_star) : false,
    certification_id: cert?.id ?? null,
    certification_status: status,
    valid_until: cert?.valid_until ?? null,
    certified_at: cert?.decision_date ?? cert?.created_at ?? null,
    province_code: cert?.province_code ?? null,
    group_codes: groupCodes,
    producer_id: product.producer?.id ?? null,
    producer_type: product.producer?.type ?? null,
    in_stock: (product.variants ?? []).some(isVariantInStock),
    price: prices.length ? Math.min(...prices) : null,
    buyable: isProductBuyable(product),
    // Expired and revoked certificates stay reachable by address but are not promoted in search by default.
    promoted: !(LAPSED_CERTIFICATION_STATUSES as readonly (string | null)[]).includes(status),
    created_at: product.created_at,
  }
}

/**
 * Events that change what a product's document says, and how to find the products they touch. Link changes
 * emit nothing useful, so the workflows that link emit their own events carrying product ids.
 */
export const PRODUCT_INDEX_EVENTS = [
  ProductWorkflowEvents.CREATED,
  ProductWorkflowEvents.UPDATED,
  ProductWorkflowEvents.DELETED,
  ProductVariantWorkflowEvents.CREATED,
  ProductVariantWorkflowEvents.UPDATED,
  ProductVariantWorkflowEvents.DELETED,
  OcopEvents.CERTIFICATION_ISSUED,
  OcopEvents.CERTIFICATION_UPDATED,
  OcopEvents.CATALOG_IMPORTED,
  OcopEvents.PRODUCT_PRODUCER_ASSIGNED,
  "producer.producer.updated",
]

function idsOf(data: unknown, key = "id"): string[] {
  const items = Array.isArray(data) ? data : [data]
  return items.flatMap((item: any) => {
    const value = item?.[key]
    return Array.isArray(value) ? value : value ? [value] : []
  })
}

export async function resolveProductIds(event: { name: string; data: any }, ctx: SearchTypes.SearchIngestionContext): Promise<string[]> {
  const query = ctx.container.query as any
  switch (event.name) {
    case OcopEvents.CATALOG_IMPORTED:
      return idsOf(event.data, "product_ids")
    case ProductWorkflowEvents.CREATED: {
      // A product created by a list import gets its document from ocop.catalog.imported, once its certificate
      // and producer are linked; indexing it here too would build every imported document twice. The import's
      // own events carry each product's external_id, so its 20,000 events of a first import need no read each.
      const items = (Array.isArray(event.data) ? event.data : [event.data]) as Row[]
      if (items.every((item) => typeof item?.external_id === "string")) {
        return items.filter((item) => !item.external_id.startsWith("ocop:")).map((item) => item.id)
      }
      const { data } = await query.graph({ entity: "product", fields: ["id", "external_id"], filters: { id: idsOf(event.data) } })
      return data.filter((p: Row) => !String(p.external_id ?? "").startsWith("ocop:")).map((p: Row) => p.id)
    }
    case OcopEvents.CERTIFICATION_ISSUED:
    case OcopEvents.PRODUCT_PRODUCER_ASSIGNED:
      return idsOf(event.data, "product_id")
    case OcopEvents.CERTIFICATION_UPDATED: {
      const { data } = await query.graph({ entity: "certification", fields: ["product.id"], filters: { id: idsOf(event.data) } })
      return data.map((c: Row) => c.product?.id).filter(Boolean)
    }
    case "producer.producer.updated": {
      const { data } = await query.graph({ entity: "producer", fields: ["products.id"], filters: { id: idsOf(event.data) } })
      return data.flatMap((p: Row) => (p.products ?? []).map((x: Row) => x?.id)).filter(Boolean)
    }
    default:
      if (event.name.startsWith("product-variant.")) {
        const { data } = await query.graph({
          entity: "product_variant",
          fields: ["product_id"],
          filters: { id: idsOf(event.data) },
          withDeleted: true,
        })
        return data.map((v: Row) => v.product_id).filter(Boolean)
      }
      return idsOf(event.data)
  }
}

const source = {
  fields: PRODUCT_SOURCE_FIELDS,
  transform: (rows: Row[]) => {
    const today = todayInVietnam()
    return rows.map((row) => buildProductDocument(row, today))
  },
}

type Seed = NonNullable<SearchTypes.SearchIndexDefinitionInput<SearchTypes.SearchIndexFieldsInput>["seed"]>

/**
 * The seed with the next batch read while the module writes the current one: reading a batch (the graph of 500
 * products, their prices, stock, certificates and producers) is CPU here, writing it is the database's, and the
 * module asks for the next batch only once the write is done. Progress is still recorded per written batch.
 */
export function prefetchSeed(seed: Seed): Seed {
  return async function* prefetchingSeed(context) {
    const batches = seed(context)[Symbol.asyncIterator]()
    try {
      let next = batches.next()
      while (true) {
        const batch = await next
        if (batch.done) return
        next = batches.next()
        // A failed read surfaces when it is awaited, not as an unhandled rejection while the write runs.
        next.catch(() => undefined)
        yield batch.value
      }
    } finally {
      await batches.return?.(undefined)
    }
  }
}

type Consume = NonNullable<SearchTypes.SearchIndexDefinitionInput<SearchTypes.SearchIndexFieldsInput>["consume"]>

/**
 * The consumer with its reads taken one at a time in this process, and its answers handed over in event order once
 * the event before is written (src/write-order.ts). The Search Module writes an event's documents once its consumer
 * has read them; events delivered together (an import's 40 `ocop.catalog.imported` at once, with the in-memory event
 * bus of one process) otherwise all read first, CPU-bound on one thread, and all write after. One at a time, each
 * event's write runs in PostgreSQL while the next event is read (docs/benchmarks.md, session 16); waiting for the
 * write before handing over the next answer keeps a later event's document from being overwritten by an earlier one.
 * A worker of the Redis event bus delivers one event at a time already.
 */
export function consumeInOrder(consume: Consume, backstopMs = WRITE_BACKSTOP_MS): Consume {
  let previousRead: Promise<unknown> = Promise.resolve()
  let previousWritten: Promise<void> = Promise.resolve()
  return (event, context) => {
    const read = previousRead.then(() => consume(event, context))
    // The next read waits for this one to end, failed or not; the failure is this event's, reported to its caller.
    previousRead = read.catch(() => undefined)
    // Registered as the read ends, before the module can pass the mutations to a provider.
    const written = read.then(whenWritten, () => undefined)
    const before = previousWritten
    const answer = read.then(async (mutations) => {
      await before
      return mutations
    })
    // A failed read writes nothing: the next event waits for the one before it instead.
    previousWritten = answer.then(
      () => withinBackstop(written, backstopMs),
      () => before
    )
    return answer
  }
}

/** Input for `defineSearchIndex` (the backend registers it in src/search/product.ts). */
/**
 * What every shop search of the index asks for beyond its own filters: published products whose certificate has
 * not lapsed (the shop adds its sales channels). One home: the shop's search builds its filters from it, and the
 * PostgreSQL provider gives the rows passing it a text index of their own.
 */
export const SHOP_SEARCH_FILTER = { status: "published", promoted: true } as const

/**
 * The order the shop lists a browse without text in (newest first), and its "newest" sort. One home: the PostgreSQL
 * provider keeps the rows passing SHOP_SEARCH_FILTER in an index in this order, so such a page stops at its rows.
 */
export const SHOP_BROWSE_ORDER = { created_at: "DESC" } as const

export const productIndexDefinition: SearchTypes.SearchIndexDefinitionInput<SearchTypes.SearchIndexFieldsInput> = {
  name: "product",
  entity: "product",
  fields: productSearchFields,
  settings: {
    typo_tolerance: { enabled: true, min_word_size_for_one_typo: 5, min_word_size_for_two_typos: 9 },
    provider_options: { "ocop-postgres": { text_index_filter: SHOP_SEARCH_FILTER, browse_order: SHOP_BROWSE_ORDER } },
  },
  events: PRODUCT_INDEX_EVENTS,
  consume: consumeInOrder(
    graphConsume({
      ...source,
      resolve_ids: resolveProductIds,
      // Only a deleted product leaves the index; a deleted variant or certificate just changes the document.
      is_delete: (event: { name: string }) => event.name === ProductWorkflowEvents.DELETED,
    })
  ),
  seed: prefetchSeed(graphSeed({ ...source, batch_size: 500 })),
}
