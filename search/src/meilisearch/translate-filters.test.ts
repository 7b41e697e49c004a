import { MedusaError } from "@medusajs/framework/utils"
import { describe, expect, it } from "vitest"
import { andFilters, type FilterFieldInfo, formatAttribute, parseLikePattern, quoteFilterValue, translateFilters } from "./translate-filters"

/** A product-like schema, as the provider derives it from an index definition. */
const schema = new Map<string, FilterFieldInfo>([
  ["id", { type: "keyword" }],
  ["title", { type: "text" }],
  ["handle", { type: "keyword" }],
  ["status", { type: "keyword" }],
  ["stars", { type: "integer" }],
  ["price", { type: "float" }],
  ["in_stock", { type: "boolean" }],
  ["province_code", { type: "keyword" }],
  ["category_ids", { type: "keyword", array: true }],
  ["ratings", { type: "integer", array: true }],
  ["valid_until", { type: "date", attribute: "_medusa.date.valid_until" }],
  ["producer.id", { type: "keyword" }],
  ["producer.name", { type: "text" }],
  ["embedding", { type: "vector" }],
])

const translate = (filters: Parameters<typeof translateFilters>[0], containsFilter = false) => translateFilters(filters, { schema, containsFilter })

/** Runs `run`, expecting a MedusaError of `type` whose message contains every fragment. */
function expectError(run: () => unknown, type: string, ...fragments: string[]) {
  let caught: unknown
  try {
    run()
  } catch (error) {
    caught = error
  }
  expect(caught, "expected an error").toBeInstanceOf(MedusaError)
  expect((caught as MedusaError).type).toBe(type)
  for (const fragment of fragments) {
    expect((caught as MedusaError).message).toContain(fragment)
  }
}

describe("translateFilters", () => {
  describe("empty input", () => {
    it("constrains nothing without filters", () => {
      expect(translate(undefined)).toBeUndefined()
      expect(translate({})).toBeUndefined()
    })

    it("ignores undefined values and a stray q", () => {
      expect(translate({ q: "trà", status: undefined })).toBeUndefined()
    })
  })

  describe("bare values", () => {
    it("compares a string with =", () => {
      expect(translate({ status: "published" })).toBe('status = "published"')
    })

    it("ANDs several fields", () => {
      expect(translate({ status: "published", province_code: "01" })).toBe('status = "published" AND province_code = "01"')
    })

    it("formats numbers and booleans unquoted", () => {
      expect(translate({ stars: 5, price: 12.5, in_stock: false })).toBe("stars = 5 AND price = 12.5 AND in_stock = false")
    })

    it("means 'contains' on an array field, as Meilisearch's = does", () => {
      expect(translate({ category_ids: "pcat_tea" })).toBe('category_ids = "pcat_tea"')
    })

    it("turns a list into IN, and a list of one into =", () => {
      expect(translate({ province_code: ["01", "02"] })).toBe('province_code IN ["01", "02"]')
      expect(translate({ province_code: ["01"] })).toBe('province_code = "01"')
    })

    it("deduplicates list values", () => {
      expect(translate({ province_code: ["01", "01", "02"] })).toBe('province_code IN ["01", "02"]')
    })

    it("matches nothing with an empty list", () => {
      expect(translate({ province_code: [] })).toBe("province_code IN []")
    })

    it("reads null as absent: missing or null", () => {
      expect(translate({ stars: null })).toBe("stars NOT EXISTS OR stars IS NULL")
    })

    it("reads null as absent on arrays, including an empty array", () => {
      expect(translate({ category_ids: null })).toBe("category_ids NOT EXISTS OR category_ids IS NULL OR category_ids IS EMPTY")
    })

    it("ORs absence onto a list containing null", () => {
      expect(translate({ province_code: ["01", null] })).toBe('province_code = "01" OR (province_code NOT EXISTS OR province_code IS NULL)')
    })

    it("parenthesises an OR nested in an AND", () => {
      expect(translate({ status: "published", stars: null })).toBe('status = "published" AND (stars NOT EXISTS OR stars IS NULL)')
    })
  })

  describe("comparison operators", () => {
    it("translates $eq and $ne", () => {
      expect(translate({ status: { $eq: "draft" } })).toBe('status = "draft"')
      expect(translate({ status: { $ne: "draft" } })).toBe('status != "draft"')
    })

    it("reads $eq: null as absent and $ne: null as present", () => {
      expect(translate({ stars: { $eq: null } })).toBe("stars NOT EXISTS OR stars IS NULL")
      expect(translate({ stars: { $ne: null } })).toBe("stars EXISTS AND stars IS NOT NULL")
    })

    it("translates $in and $nin", () => {
      expect(translate({ stars: { $in: [4, 5] } })).toBe("stars IN [4, 5]")
      expect(translate({ stars: { $nin: [1, 2] } })).toBe("stars NOT IN [1, 2]")
    })

    it("accepts a single value for $in and $nin", () => {
      expect(translate({ stars: { $in: 5 as never } })).toBe("stars = 5")
      expect(translate({ stars: { $nin: 1 as never } })).toBe("stars NOT IN [1]")
    })

    it("keeps documents without the field out of $nin when null is excluded", () => {
      expect(translate({ province_code: { $nin: ["01", null] } })).toBe(
        'province_code NOT IN ["01"] AND (province_code EXISTS AND province_code IS NOT NULL)'
      )
    })

    it("constrains nothing with an empty $nin", () => {
      expect(translate({ province_code: { $nin: [] } })).toBeUndefined()
    })

    it("translates $gt, $gte, $lt and $lte", () => {
      expect(translate({ stars: { $gt: 3 } })).toBe("stars > 3")
      expect(translate({ stars: { $gte: 3 } })).toBe("stars >= 3")
      expect(translate({ price: { $lt: 99.9 } })).toBe("price < 99.9")
      expect(translate({ price: { $lte: 100 } })).toBe("price <= 100")
    })

    it("ANDs several operators on one field", () => {
      expect(translate({ price: { $gte: 10, $lt: 20 } })).toBe("price >= 10 AND price < 20")
    })

    it("handles negative and fractional numbers", () => {
      expect(translate({ price: { $gt: -0.5 } })).toBe("price > -0.5")
    })

    it("quotes numbers written with an exponent", () => {
      expect(translate({ price: { $lt: 1e21 } })).toBe('price < "1e+21"')
    })

    it("rejects comparing with null or a list", () => {
      expectError(() => translate({ stars: { $gt: null } }), MedusaError.Types.INVALID_DATA, "$gt", "stars")
      expectError(() => translate({ stars: { $lte: [1] as never } }), MedusaError.Types.INVALID_DATA, "$lte")
    })

    it("rejects non-finite numbers", () => {
      expectError(() => translate({ price: { $lt: Infinity } }), MedusaError.Types.INVALID_DATA, "finite")
      expectError(() => translate({ price: NaN }), MedusaError.Types.INVALID_DATA, "price")
    })
  })

  describe("$exists", () => {
    it("requires the field to be set and not null", () => {
      expect(translate({ stars: { $exists: true } })).toBe("stars EXISTS AND stars IS NOT NULL")
    })

    it("also requires an array to be non-empty", () => {
      expect(translate({ category_ids: { $exists: true } })).toBe("category_ids EXISTS AND category_ids IS NOT NULL AND category_ids IS NOT EMPTY")
    })

    it("matches absent fields with $exists: false", () => {
      expect(translate({ stars: { $exists: false } })).toBe("stars NOT EXISTS OR stars IS NULL")
    })

    it("does not treat an empty string as absent", () => {
      // Postgres indexes "" as a value, so IS EMPTY is only used on arrays.
      expect(translate({ handle: { $exists: false } })).not.toContain("IS EMPTY")
    })

    it("rejects anything but a boolean", () => {
      expectError(() => translate({ stars: { $exists: 1 as never } }), MedusaError.Types.INVALID_DATA, "$exists")
    })
  })

  describe("array operators", () => {
    it("translates $contains to one equality per value", () => {
      expect(translate({ category_ids: { $contains: ["pcat_tea", "pcat_gift"] } })).toBe('category_ids = "pcat_tea" AND category_ids = "pcat_gift"')
      expect(translate({ category_ids: { $contains: "pcat_tea" } })).toBe('category_ids = "pcat_tea"')
    })

    it("constrains nothing with an empty $contains", () => {
      expect(translate({ category_ids: { $contains: [] } })).toBeUndefined()
    })

    it("translates $overlaps to IN", () => {
      expect(translate({ category_ids: { $overlaps: ["pcat_tea", "pcat_gift"] } })).toBe('category_ids IN ["pcat_tea", "pcat_gift"]')
      expect(translate({ category_ids: { $overlaps: [] } })).toBe("category_ids IN []")
    })

    it("rejects array operators on scalar fields", () => {
      expectError(() => translate({ status: { $contains: ["a"] } }), MedusaError.Types.NOT_ALLOWED, "$contains", "status")
      expectError(() => translate({ stars: { $overlaps: [1] } }), MedusaError.Types.NOT_ALLOWED, "$overlaps")
    })

    it("rejects null inside array operators", () => {
      expectError(() => translate({ category_ids: { $contains: [null] } }), MedusaError.Types.INVALID_DATA, "$contains")
    })

    it("compares any element of a numeric array", () => {
      expect(translate({ ratings: { $gte: 4 } })).toBe("ratings >= 4")
    })
  })

  describe("$prefix and $like", () => {
    it("rejects $prefix unless the experimental contains filter is enabled, naming the operator", () => {
      expectError(
        () => translate({ handle: { $prefix: "tra-" } }),
        MedusaError.Types.NOT_ALLOWED,
        '"$prefix"',
        "handle",
        "experimental_contains_filter"
      )
    })

    it("translates $prefix to STARTS WITH when enabled", () => {
      expect(translate({ handle: { $prefix: "tra-" } }, true)).toBe('handle STARTS WITH "tra-"')
    })

    it("rejects $prefix on arrays, on non-text fields and with non-string values", () => {
      expectError(() => translate({ category_ids: { $prefix: "p" } }, true), MedusaError.Types.NOT_ALLOWED, "array")
      expectError(() => translate({ stars: { $prefix: "4" } }, true), MedusaError.Types.NOT_ALLOWED, "integer")
      expectError(() => translate({ handle: { $prefix: 4 as never } }, true), MedusaError.Types.INVALID_DATA)
    })

    it("translates the $like shapes Meilisearch can express", () => {
      expect(translate({ handle: { $like: "tra-shan" } })).toBe('handle = "tra-shan"')
      expect(translate({ handle: { $like: "tra%" } }, true)).toBe('handle STARTS WITH "tra"')
      expect(translate({ title: { $like: "%Shan tuyết%" } }, true)).toBe('title CONTAINS "Shan tuyết"')
      expect(translate({ handle: { $like: "%" } })).toBe("handle EXISTS AND handle IS NOT NULL")
    })

    it("needs the contains filter for $like prefixes and substrings only", () => {
      expectError(() => translate({ handle: { $like: "tra%" } }), MedusaError.Types.NOT_ALLOWED, '"$like"')
      expectError(() => translate({ title: { $like: "%tra%" } }), MedusaError.Types.NOT_ALLOWED, '"$like"')
    })

    it("rejects $like patterns Meilisearch cannot express", () => {
      for (const pattern of ["%tuyết", "t_a", "a%b", "%a%b%"]) {
        expectError(() => translate({ title: { $like: pattern } }, true), MedusaError.Types.NOT_ALLOWED, "$like", JSON.stringify(pattern))
      }
    })

    it("honours escaped wildcards in $like", () => {
      expect(translate({ handle: { $like: "100\\%%" } }, true)).toBe('handle STARTS WITH "100%"')
    })
  })

  describe("logical operators", () => {
    it("translates $or", () => {
      expect(translate({ $or: [{ province_code: "01" }, { province_code: "02" }] })).toBe('province_code = "01" OR province_code = "02"')
    })

    it("translates $and", () => {
      expect(translate({ $and: [{ stars: { $gte: 4 } }, { in_stock: true }] })).toBe("stars >= 4 AND in_stock = true")
    })

    it("translates $not", () => {
      expect(translate({ $not: { status: "draft" } })).toBe('NOT status = "draft"')
      expect(translate({ $not: { status: "draft", in_stock: false } })).toBe('NOT (status = "draft" AND in_stock = false)')
    })

    it("parenthesises nested groups", () => {
      expect(
        translate({
          status: "published",
          $or: [{ stars: 5 }, { $and: [{ stars: 4 }, { in_stock: true }] }],
          $not: { $or: [{ province_code: "01" }, { province_code: "79" }] },
        })
      ).toBe('status = "published" AND (stars = 5 OR (stars = 4 AND in_stock = true)) AND NOT (province_code = "01" OR province_code = "79")')
    })

    it("nests deeply", () => {
      expect(translate({ $and: [{ $or: [{ $not: { stars: 1 } }, { $and: [{ stars: 2 }, { price: { $lt: 5 } }] }] }] })).toBe(
        "NOT stars = 1 OR (stars = 2 AND price < 5)"
      )
    })

    it("skips empty branches, as Postgres does", () => {
      expect(translate({ $and: [], $or: [], $not: {} })).toBeUndefined()
      expect(translate({ $or: [{}, { stars: 5 }] })).toBe("stars = 5")
    })

    it("rejects a logical operator without a list", () => {
      expectError(() => translate({ $or: { stars: 5 } as never }), MedusaError.Types.INVALID_DATA, '"$or"')
    })

    it("rejects unknown logical operators", () => {
      expectError(() => translate({ $nor: [{ stars: 5 }] } as never), MedusaError.Types.NOT_ALLOWED, '"$nor"')
    })
  })

  describe("strings", () => {
    it("escapes double quotes and backslashes", () => {
      expect(translate({ title: 'He said "hi" \\o/' })).toBe('title = "He said \\"hi\\" \\\\o/"')
    })

    it("leaves single quotes alone inside double quotes", () => {
      expect(translate({ title: "Bánh 'đậu' xanh" })).toBe(`title = "Bánh 'đậu' xanh"`)
    })

    it("keeps Vietnamese diacritics as they are", () => {
      expect(translate({ title: "Trà Shan tuyết cổ thụ", "producer.name": "HTX Hà Giang" })).toBe(
        'title = "Trà Shan tuyết cổ thụ" AND producer.name = "HTX Hà Giang"'
      )
      expect(translate({ province_code: { $in: ["Đắk Lắk", "Thừa Thiên Huế"] } })).toBe('province_code IN ["Đắk Lắk", "Thừa Thiên Huế"]')
    })

    it("quotes values that look like keywords or syntax", () => {
      expect(translate({ status: "AND" })).toBe('status = "AND"')
      expect(translate({ status: "a) OR (b" })).toBe('status = "a) OR (b"')
    })

    it("stringifies numbers compared with keyword fields", () => {
      expect(translate({ province_code: 1 })).toBe('province_code = "1"')
    })
  })

  describe("dates", () => {
    const at = new Date("2026-01-01T00:00:00.000Z")

    it("compares a Date as epoch milliseconds on the shadow attribute", () => {
      expect(translate({ valid_until: { $gte: at } })).toBe(`_medusa.date.valid_until >= ${at.getTime()}`)
    })

    it("accepts epoch milliseconds, numeric strings and ISO strings", () => {
      expect(translate({ valid_until: { $lt: at.getTime() } })).toBe(`_medusa.date.valid_until < ${at.getTime()}`)
      expect(translate({ valid_until: String(at.getTime()) })).toBe(`_medusa.date.valid_until = ${at.getTime()}`)
      expect(translate({ valid_until: { $gt: "2026-01-01T00:00:00Z" } })).toBe(`_medusa.date.valid_until > ${at.getTime()}`)
    })

    it("checks presence on the shadow attribute", () => {
      expect(translate({ valid_until: { $exists: false } })).toBe("_medusa.date.valid_until NOT EXISTS OR _medusa.date.valid_until IS NULL")
    })

    it("rejects a value that is not a date", () => {
      expectError(() => translate({ valid_until: { $gt: "next year" } }), MedusaError.Types.INVALID_DATA, "valid_until", "epoch milliseconds")
    })
  })

  describe("value coercion", () => {
    it("coerces numeric strings on number fields", () => {
      expect(translate({ stars: { $gte: "4" as never } })).toBe("stars >= 4")
    })

    it("rejects non-numeric strings on number fields", () => {
      expectError(() => translate({ stars: "four" }), MedusaError.Types.INVALID_DATA, "stars")
      expectError(() => translate({ stars: "" }), MedusaError.Types.INVALID_DATA, "stars")
    })

    it("reads booleans and their string forms on boolean fields", () => {
      expect(translate({ in_stock: true })).toBe("in_stock = true")
      expect(translate({ in_stock: "false" })).toBe("in_stock = false")
    })

    it("formats Dates compared with keyword fields as ISO strings", () => {
      expect(translate({ handle: new Date("2026-05-01T00:00:00.000Z") })).toBe('handle = "2026-05-01T00:00:00.000Z"')
    })

    it("rejects objects as values", () => {
      expectError(() => translate({ status: { $eq: { a: 1 } as never } }), MedusaError.Types.INVALID_DATA, "status")
    })

    it("rejects filtering on vector fields", () => {
      expectError(() => translate({ embedding: 1 }), MedusaError.Types.NOT_ALLOWED, "embedding", "vector")
    })
  })

  describe("without a schema", () => {
    it("formats values from their JavaScript type", () => {
      expect(
        translateFilters({
          store_id: "store_1",
          stars: 4,
          active: true,
          updated_at: { $gt: new Date(1_000) },
        })
      ).toBe('store_id = "store_1" AND stars = 4 AND active = true AND updated_at > 1000')
    })

    it("allows array operators, since array-ness is unknown", () => {
      expect(translateFilters({ tags: { $contains: ["a", "b"] } })).toBe('tags = "a" AND tags = "b"')
    })
  })

  describe("field paths", () => {
    it("uses dotted paths as they are", () => {
      expect(translate({ "producer.id": ["p_1", "p_2"] })).toBe('producer.id IN ["p_1", "p_2"]')
    })

    it("reads a nested object as shorthand for dotted paths", () => {
      expect(translate({ producer: { id: "p_1", name: "HTX Hà Giang" } } as never)).toBe('producer.id = "p_1" AND producer.name = "HTX Hà Giang"')
    })

    it("quotes field names Meilisearch would not read as one word", () => {
      expect(translateFilters({ "tên sản phẩm": "Trà" })).toBe('"tên sản phẩm" = "Trà"')
      expect(translateFilters({ NOT: 1 })).toBe('"NOT" = 1')
      expect(translateFilters({ tỉnh: "Hà Giang" })).toBe('tỉnh = "Hà Giang"')
    })

    it("rejects an operator map mixing operators and nested fields", () => {
      expectError(() => translate({ producer: { $eq: "x", id: "p_1" } } as never), MedusaError.Types.INVALID_DATA, "producer", "mixes")
    })

    it("rejects an empty operator map", () => {
      expectError(() => translate({ stars: { $gt: undefined } }), MedusaError.Types.INVALID_DATA, "Empty operator map")
    })
  })

  describe("unsupported operators", () => {
    it("names the operator and the field", () => {
      expectError(() => translate({ title: { $regex: "^Trà" } as never }), MedusaError.Types.NOT_ALLOWED, '"$regex"', '"title"', "Meilisearch")
    })
  })
})

describe("andFilters", () => {
  it("parenthesises and ANDs compiled filters, skipping missing ones", () => {
    expect(andFilters(undefined, "a = 1", undefined)).toBe("a = 1")
    expect(andFilters("a = 1 OR b = 2", "c >= 3")).toBe("(a = 1 OR b = 2) AND (c >= 3)")
    expect(andFilters()).toBeUndefined()
  })
})

describe("quoteFilterValue and formatAttribute", () => {
  it("quotes and escapes", () => {
    expect(quoteFilterValue('a"b\\c')).toBe('"a\\"b\\\\c"')
  })

  it("leaves plain attribute names unquoted", () => {
    expect(formatAttribute("_medusa.date.valid_until")).toBe("_medusa.date.valid_until")
    expect(formatAttribute("with space")).toBe('"with space"')
  })
})

describe("parseLikePattern", () => {
  it("classifies patterns", () => {
    expect(parseLikePattern("abc")).toEqual({ kind: "exact", text: "abc" })
    expect(parseLikePattern("abc%%")).toEqual({ kind: "prefix", text: "abc" })
    expect(parseLikePattern("%abc%")).toEqual({ kind: "contains", text: "abc" })
    expect(parseLikePattern("%%")).toEqual({ kind: "any", text: "" })
    expect(parseLikePattern("")).toEqual({ kind: "exact", text: "" })
    expect(parseLikePattern("\\_a\\%")).toEqual({ kind: "exact", text: "_a%" })
  })

  it("refuses shapes without a Meilisearch operator", () => {
    expect(parseLikePattern("%abc")).toBeUndefined()
    expect(parseLikePattern("a_c")).toBeUndefined()
    expect(parseLikePattern("a%c")).toBeUndefined()
  })
})
