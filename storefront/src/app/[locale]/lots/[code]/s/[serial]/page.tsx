import type { Metadata } from "next"
import { headers } from "next/headers"
import { notFound } from "next/navigation"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { LotScanView } from "@/components/lot-scan-view"
import { checkLotSerial, readPublicLot } from "@/lib/data/lots"
import { formatDate, formatVietnamTime, vietnamDay } from "@/lib/format"
import { isPrefetchRequest, lotSerialPagePath, readSerial } from "@/lib/lots"

type Props = { params: Promise<{ locale: string; code: string; serial: string }>; searchParams: Promise<{ reported?: string }> }

// Every view may be the serial's first check: never cached, never prerendered.
export const dynamic = "force-dynamic"

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params
  const page = await readPublicLot(code)
  if (!page) return { robots: { index: false, follow: false } }
  const t = await getTranslations({ locale, namespace: "lot" })
  return { title: t("title", { product: page.product?.title ?? "", code: page.lot.code }), robots: { index: false, follow: false } }
}

/**
 * The page a unit's serial QR opens: the lot's page, headed by the serial's verdict. The check is recorded here, by
 * the server render of the serial URL (so it works without JavaScript); nothing in the shop links to a serial page
 * with prefetch, and a request that is a prefetch, prerender or link preview (isPrefetchRequest) records nothing and
 * shows a plain link to check instead, so a chat app's preview cannot take a buyer's first check.
 */
export default async function SerialScanPage({ params }: Props) {
  const { locale, code, serial: raw } = await params
  setRequestLocale(locale)
  const page = await readPublicLot(code)
  const serial = readSerial(raw)
  if (!page || !serial) notFound()
  const t = await getTranslations("lot.serial")
  const prefetch = isPrefetchRequest(await headers())
  const check = prefetch ? null : await checkLotSerial(page.lot.public_code, serial)
  let notice
  if (!check) {
    notice = (
      <div className="serial-verdict" role="status" data-testid="serial-verdict">
        <p>{t("notChecked", { serial })}</p>
        <p>
          {/* A plain link: a person's tap is a navigation, not a prefetch. */}
          <a href={lotSerialPagePath(page.lot.public_code, serial, locale)} className="button-secondary" rel="nofollow">
            {t("checkNow")}
          </a>
        </p>
      </div>
    )
  } else if (check === "limited" || check === "failed") {
    notice = (
      <div className="serial-verdict verdict-unknown" role="status" data-testid="serial-verdict">
        <p>{t(check)}</p>
      </div>
    )
  } else if (check.status === "first") {
    notice = (
      <div className="serial-verdict verdict-ok" role="status" data-testid="serial-verdict">
        <h2>{t("firstTitle")}</h2>
        <p>{t("firstText", { serial })}</p>
      </div>
    )
  } else if (check.status === "repeat") {
    notice = (
      <div className="serial-verdict verdict-bad" role="alert" data-testid="serial-verdict">
        <h2>
          {t("repeatTitle", {
            time: formatVietnamTime(check.first_checked_at),
            date: formatDate(vietnamDay(check.first_checked_at), locale),
          })}
        </h2>
        <p>{t("repeatText", { serial })}</p>
      </div>
    )
  } else if (check.status === "voided") {
    notice = (
      <div className="serial-verdict verdict-bad" role="alert" data-testid="serial-verdict">
        <h2>{t("voidedTitle", { reason: check.void_reason })}</h2>
        <p>{t("voidedText", { serial, date: formatDate(vietnamDay(check.voided_at), locale) })}</p>
      </div>
    )
  } else {
    notice = (
      <div className="serial-verdict verdict-bad" role="alert" data-testid="serial-verdict">
        <h2>{t("unknownTitle")}</h2>
        <p>{t("unknownText", { serial })}</p>
      </div>
    )
  }
  return <LotScanView page={page} locale={locale} notice={notice} />
}
