import { getTranslations, setRequestLocale } from "next-intl/server"
import { NewLotForm } from "@/components/portal/lot-forms"
import { listCommunes } from "@/lib/data/catalog"
import { listLotTemplates, listProducerLots } from "@/lib/data/lots"
import { listProducerProducts, readMe } from "@/lib/data/producer"
import { signedIn } from "../../signed-in"

export const dynamic = "force-dynamic"

export default async function NewLotPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ product?: string }>
}) {
  const { locale } = await params
  const { product } = await searchParams
  setRequestLocale(locale)
  const t = await getTranslations("portalLots")
  const [products, lots, templates, me] = await signedIn(locale, () =>
    Promise.all([listProducerProducts(), listProducerLots(), listLotTemplates(), readMe()])
  )
  // The raw materials usually come from the producer's own province: its communes are offered as suggestions.
  const provinceCode = me.producer?.province?.code
  const communes = provinceCode ? await listCommunes(provinceCode).catch(() => []) : []
  return (
    <article>
      <h1>{t("new")}</h1>
      <p className="hint">{t("newLead")}</p>
      <NewLotForm
        locale={locale}
        products={products.map((p) => ({ id: p.id, title: p.title }))}
        // Only what "copy the last lot" reads: no step, no document, no scan leaves the server.
        lots={lots.map((l) => ({
          product_id: l.product_id,
          growing_area_code: l.growing_area_code,
          commune: l.commune,
          quantity: l.quantity,
          created_at: l.created_at,
        }))}
        templates={templates}
        communes={communes}
        productId={products.some((p) => p.id === product) ? product : undefined}
      />
    </article>
  )
}
