import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { LotScanView } from "@/components/lot-scan-view"
import { readPublicLot, recordLotScan } from "@/lib/data/lots"
import { alternates } from "@/lib/seo"

type Props = { params: Promise<{ locale: string; code: string }>; searchParams: Promise<{ reported?: string }> }

// Every view is one scan and the certificate's status is live: never cached.
export const dynamic = "force-dynamic"

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params
  const page = await readPublicLot(code)
  if (!page) return { robots: { index: false } }
  const t = await getTranslations({ locale, namespace: "lot" })
  return {
    title: t("title", { product: page.product?.title ?? "", code: page.lot.code }),
    alternates: alternates(locale, `/lots/${code}`),
    robots: { index: false },
  }
}

/** The page a pack's QR opens: this batch's story and the OCOP certificate's live status. Server-rendered, no JS needed. */
export default async function LotScanPage({ params, searchParams }: Props) {
  const { locale, code } = await params
  const { reported } = await searchParams
  setRequestLocale(locale)
  const page = await readPublicLot(code)
  if (!page) notFound()
  // One view, one scan (the backend rate-limits per person); the page after the province form does not count again.
  if (!reported) await recordLotScan(page.lot.public_code)
  return <LotScanView page={page} locale={locale} reported={reported} />
}
