import type { BankTransfer } from "@ocop/contracts"
import QRCode from "qrcode"
import { getTranslations } from "next-intl/server"
import { formatVnd } from "@/lib/format"
import { CopyButton } from "./copy-button"

/**
 * The transfer a VietQR order waits for: the NAPAS QR (built by the backend, drawn here) and every detail to
 * copy by hand, the amount in đồng and the note that lets the bank's webhook find the order.
 */
export async function BankTransferPanel({ transfer }: { transfer: BankTransfer }) {
  const t = await getTranslations("order")
  const svg = await QRCode.toString(transfer.qr, { type: "svg", margin: 2, errorCorrectionLevel: "M" })
  const rows: { label: string; value: string; copy: string; testId: string }[] = [
    { label: t("bank"), value: transfer.bankName, copy: transfer.bankName, testId: "transfer-bank" },
    { label: t("accountNumber"), value: transfer.accountNumber, copy: transfer.accountNumber, testId: "transfer-account" },
    { label: t("accountName"), value: transfer.accountName, copy: transfer.accountName, testId: "transfer-name" },
    // Banking apps take the amount as digits only.
    { label: t("amount"), value: formatVnd(transfer.amount), copy: String(transfer.amount), testId: "transfer-amount" },
    { label: t("reference"), value: transfer.reference, copy: transfer.reference, testId: "transfer-reference" },
  ]
  return (
    <section className="bank-transfer" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t("transferTitle")}</h2>
      <p className="hint">{t("transferHint")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG data URL, nothing for next/image to optimise */}
      <img
        className="bank-transfer-qr"
        data-testid="transfer-qr"
        src={`data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`}
        alt={t("qrAlt", { amount: formatVnd(transfer.amount), bank: transfer.bankName })}
        width={240}
        height={240}
      />
      <dl className="bank-transfer-details">
        {rows.map((row) => (
          <div key={row.testId}>
            <dt>{row.label}</dt>
            <dd>
              <span data-testid={row.testId}>{row.value}</span> <CopyButton value={row.copy} label={row.label} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
