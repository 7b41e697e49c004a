import type { Metadata } from "next"
import { headers } from "next/headers"
import { notFound } from "next/navigation"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { LotScanView } from "@/components/lot-scan-view"
import { checkLotSerial, readPublicLot } from "@/lib/data/lots"
import { formatDate, formatVietnamTime, vietnamDay } from "@/lib/format"
import { env } from "@/lib/env"
import { isPrefetchRequest, lotSerialPagePath, readSerial } from "@/lib/lots"
import { readSerialVerdict, signSerialVerdict, type SerialVerdict } from "@/lib/serial-verdict"

type Props = {
  params: Promise<{ locale: string; code: string; serial: string }>
  searchParams: Promise<{ reported?: string; verdict?: string }>
}

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
 * shows a plain link to check instead, so a chat app's preview cannot take a buyer's first check. The province form
 * comes back here with `?reported=` and the verdict it carried (signed): shown again, not checked again.
 */
export default async function SerialScanPage({ params, searchParams }: Props) {
  const { locale, code, serial: raw } = await params
  const { reported, verdict: token } = await searchParams
  setRequestLocale(locale)
  const page = await readPublicLot(code)
  const serial = readSerial(raw)
  if (!page || !serial) notFound()
  const t = await getTranslations("lot.serial")
  const publicCode = page.lot.public_code
  // Back from the province form: the verdict it carried, signed by this shop, instead of a second check.
  const returned = reported && typeof token === "string" ? readSerialVerdict(env.OCOP_FORWARDING_SECRET, publicCode, serial, token) : null
  const verdict = returned ?? (isPrefetchRequest(await headers()) ? null : toVerdict(await checkLotSerial(publicCode, serial)))
  let notice
  if (!verdict) {
    notice = (
      <div className="serial-verdict" role="status" data-testid="serial-verdict">
        <p>{t("notChecked", { serial })}</p>
        <p>
          {/* A plain link: a person's tap is a navigation, not a prefetch. */}
          <a href={lotSerialPagePath(publicCode, serial, locale)} className="button-secondary" rel="nofollow">
            {t("checkNow")}
          </a>
        </p>
      </div>
    )
  } else if (verdict.status === "limited" || verdict.status === "failed") {
    notice = (
      <div className="serial-verdict verdict-unknown" role="status" data-testid="serial-verdict">
        <p>{t(verdict.status)}</p>
      </div>
    )
  } else if (verdict.status === "first") {
    notice = (
      <div className="serial-verdict verdict-ok" role="status" data-testid="serial-verdict">
        <h2>{t("firstTitle")}</h2>
        <p>{t("firstText", { serial })}</p>
      </div>
    )
  } else if (verdict.status === "repeat" && verdict.first_checked_at) {
    notice = (
      <div className="serial-verdict verdict-bad" role="alert" data-testid="serial-verdict">
        <h2>
          {t("repeatTitle", {
            time: formatVietnamTime(verdict.first_checked_at),
            date: formatDate(vietnamDay(verdict.first_checked_at), locale),
          })}
        </h2>
        <p>{t("repeatText", { serial })}</p>
      </div>
    )
  } else if (verdict.status === "voided" && verdict.voided) {
    notice = (
      <div className="serial-verdict verdict-bad" role="alert" data-testid="serial-verdict">
        <h2>{t("voidedTitle", { reason: verdict.voided.reason })}</h2>
        <p>{t("voidedText", { serial, date: formatDate(vietnamDay(verdict.voided.at), locale) })}</p>
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
  // The province form returns here with the verdict, signed; a prefetch checked nothing and has none to carry.
  const serialReturn = verdict ? { serial, verdict: signSerialVerdict(env.OCOP_FORWARDING_SECRET, publicCode, serial, verdict) } : undefined
  return <LotScanView page={page} locale={locale} notice={notice} reported={reported} serialReturn={serialReturn} />
}

function toVerdict(check: Awaited<ReturnType<typeof checkLotSerial>>): SerialVerdict {
  if (check === "limited" || check === "failed") return { status: check, first_checked_at: null }
  if (check.status === "voided") return { status: "voided", first_checked_at: null, voided: { at: check.voided_at, reason: check.void_reason } }
  return { status: check.status, first_checked_at: check.status === "unknown" ? null : check.first_checked_at }
}
