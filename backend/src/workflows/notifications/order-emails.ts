/**
 * The words of the order e-mails (buyer's confirmation, producer's new order, buyer's "shipped", buyer's lot
 * recall): Vietnamese, and English after it when the order was placed in English. Pure functions of the data the
 * workflows read, so what a buyer reads is decided here and nowhere else. Every value a person typed (product
 * titles, names, carrier, tracking number) is escaped in the HTML part and stripped of control characters everywhere.
 */
import type { BankTransfer } from "@ocop/contracts"

export type EmailContent = { subject: string; text: string; html: string }

export type MailLine = { title: string; variant_title: string | null; quantity: number; unit_price: number }

/** The transfer's details as the e-mail writes them (no QR: the order page draws it). */
export type VietQrTransfer = Omit<BankTransfer, "qr">

export type OrderMail = {
  id: string
  display_id: number | null
  locale: string | null
  currency_code: string
  total: number
  shipping_total: number
  items: MailLine[]
  /** Set when the buyer chose a VietQR bank transfer: what to type into the banking app. */
  transfer: VietQrTransfer | null
}

/** Control characters (CR/LF in a subject would start new headers) become spaces. */
export function cleanText(value: unknown): string {
  return (
    String(value ?? "")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]+/g, " ")
      .trim()
  )
}

export function escapeHtml(value: unknown): string {
  return cleanText(value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!)
}

/** VND has no minor unit: 1234000 → "1.234.000 ₫" (Vietnamese grouping in both languages, as banks show it). */
export function formatVnd(amount: number): string {
  return `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 }).format(Math.round(amount))} ₫`
}

/** English goes second, and only when the order says the buyer used the English shop. */
export const wantsEnglish = (locale: string | null | undefined) => /^en\b/i.test(locale ?? "")

const orderNumber = (order: Pick<OrderMail, "id" | "display_id">) => (order.display_id ? `#${order.display_id}` : order.id)

const lineName = (l: MailLine) => cleanText(l.variant_title ? `${l.title} (${l.variant_title})` : l.title)

function linesText(lines: MailLine[]) {
  return lines.map((l) => `- ${lineName(l)} × ${l.quantity}: ${formatVnd(l.unit_price * l.quantity)}`).join("\n")
}

function linesHtml(lines: MailLine[]) {
  return (
    `<ul>` +
    lines
      .map((l) => `<li>${escapeHtml(lineName(l))} × ${l.quantity}: <strong>${escapeHtml(formatVnd(l.unit_price * l.quantity))}</strong></li>`)
      .join("") +
    `</ul>`
  )
}

function wrapHtml(vi: string, en: string | null) {
  return (
    `<!doctype html><html lang="vi"><body style="font-family:sans-serif;line-height:1.5">${vi}` +
    (en ? `<hr><div lang="en">${en}</div>` : "") +
    `</body></html>`
  )
}

const join = (vi: string, en: string | null) => (en ? `${vi}\n\n---\n\n${en}` : vi)

/** The buyer's confirmation: the lines, the total and, for a VietQR transfer, the bank details to pay with. */
export function buyerConfirmationEmail(order: OrderMail): EmailContent {
  const en = wantsEnglish(order.locale)
  const no = orderNumber(order)
  const t = order.transfer
  const transferVi = t
    ? `Thanh toán bằng chuyển khoản VietQR:\nNgân hàng: ${cleanText(t.bankName)}\nSố tài khoản: ${cleanText(t.accountNumber)}\n` +
      `Chủ tài khoản: ${cleanText(t.accountName)}\nSố tiền: ${formatVnd(t.amount)}\nNội dung chuyển khoản: ${cleanText(t.reference)}\n` +
      `Đơn hàng được xử lý khi ngân hàng báo đã nhận tiền.`
    : ""
  const transferEn = t
    ? `Pay by VietQR bank transfer:\nBank: ${cleanText(t.bankName)}\nAccount number: ${cleanText(t.accountNumber)}\n` +
      `Account holder: ${cleanText(t.accountName)}\nAmount: ${formatVnd(t.amount)}\nTransfer note: ${cleanText(t.reference)}\n` +
      `We process the order once the bank reports the payment.`
    : ""
  const textVi =
    `Cảm ơn bạn đã đặt hàng tại Chợ OCOP. Đơn hàng ${no}:\n${linesText(order.items)}\n` +
    `Phí giao hàng: ${formatVnd(order.shipping_total)}\nTổng cộng: ${formatVnd(order.total)}` +
    (t ? `\n\n${transferVi}` : "")
  const textEn = en
    ? `Thank you for your order at the OCOP market. Order ${no}:\n${linesText(order.items)}\n` +
      `Delivery: ${formatVnd(order.shipping_total)}\nTotal: ${formatVnd(order.total)}` +
      (t ? `\n\n${transferEn}` : "")
    : null
  const transferHtml = (title: string, rows: [string, string][], note: string) =>
    `<h3>${title}</h3><table>` +
    rows.map(([k, v]) => `<tr><td>${k}</td><td><strong>${escapeHtml(v)}</strong></td></tr>`).join("") +
    `</table><p>${note}</p>`
  const htmlVi =
    `<p>Cảm ơn bạn đã đặt hàng tại Chợ OCOP. Đơn hàng <strong>${escapeHtml(no)}</strong>:</p>${linesHtml(order.items)}` +
    `<p>Phí giao hàng: ${escapeHtml(formatVnd(order.shipping_total))}<br>Tổng cộng: <strong>${escapeHtml(formatVnd(order.total))}</strong></p>` +
    (t
      ? transferHtml(
          "Thanh toán bằng chuyển khoản VietQR",
          [
            ["Ngân hàng", t.bankName],
            ["Số tài khoản", t.accountNumber],
            ["Chủ tài khoản", t.accountName],
            ["Số tiền", formatVnd(t.amount)],
            ["Nội dung chuyển khoản", t.reference],
          ],
          "Đơn hàng được xử lý khi ngân hàng báo đã nhận tiền."
        )
      : "")
  const htmlEn = en
    ? `<p>Thank you for your order at the OCOP market. Order <strong>${escapeHtml(no)}</strong>:</p>${linesHtml(order.items)}` +
      `<p>Delivery: ${escapeHtml(formatVnd(order.shipping_total))}<br>Total: <strong>${escapeHtml(formatVnd(order.total))}</strong></p>` +
      (t
        ? transferHtml(
            "Pay by VietQR bank transfer",
            [
              ["Bank", t.bankName],
              ["Account number", t.accountNumber],
              ["Account holder", t.accountName],
              ["Amount", formatVnd(t.amount)],
              ["Transfer note", t.reference],
            ],
            "We process the order once the bank reports the payment."
          )
        : "")
    : null
  return {
    subject: `Chợ OCOP: đã nhận đơn hàng ${no}` + (en ? ` / Order ${no} received` : ""),
    text: join(textVi, textEn),
    html: wrapHtml(htmlVi, htmlEn),
  }
}

export type ProducerOrderMail = { order: Pick<OrderMail, "id" | "display_id">; producer_name: string; lines: MailLine[] }

/** A producer's "new order": its own lines only and their value (producers read the portal in Vietnamese). */
export function producerNewOrderEmail({ order, producer_name, lines }: ProducerOrderMail): EmailContent {
  const no = orderNumber(order)
  const value = lines.reduce((sum, l) => sum + l.unit_price * l.quantity, 0)
  const textVi =
    `${cleanText(producer_name)} có đơn hàng mới ${no} trên Chợ OCOP:\n${linesText(lines)}\n` +
    `Giá trị hàng của bạn: ${formatVnd(value)}\nXin đóng gói và cập nhật mã vận đơn trong cổng người bán.`
  const textEn =
    `${cleanText(producer_name)} has a new order ${no} on the OCOP market:\n${linesText(lines)}\n` +
    `Your goods: ${formatVnd(value)}\nPlease pack it and enter the tracking number in the producer portal.`
  const htmlVi =
    `<p><strong>${escapeHtml(producer_name)}</strong> có đơn hàng mới <strong>${escapeHtml(no)}</strong> trên Chợ OCOP:</p>` +
    `${linesHtml(lines)}<p>Giá trị hàng của bạn: <strong>${escapeHtml(formatVnd(value))}</strong></p>` +
    `<p>Xin đóng gói và cập nhật mã vận đơn trong cổng người bán.</p>`
  const htmlEn =
    `<p><strong>${escapeHtml(producer_name)}</strong> has a new order <strong>${escapeHtml(no)}</strong> on the OCOP market:</p>` +
    `${linesHtml(lines)}<p>Your goods: <strong>${escapeHtml(formatVnd(value))}</strong></p>` +
    `<p>Please pack it and enter the tracking number in the producer portal.</p>`
  return {
    subject: `Đơn hàng mới ${no} / New order ${no}`,
    text: join(textVi, textEn),
    html: wrapHtml(htmlVi, htmlEn),
  }
}

export type ShippedMail = {
  order: Pick<OrderMail, "id" | "display_id" | "locale">
  producer_name: string
  carrier: string | null
  tracking_number: string
  lines: MailLine[]
}

/** The buyer's "shipped": which producer sent which lines, with the carrier and the tracking number. */
export function orderShippedEmail({ order, producer_name, carrier, tracking_number, lines }: ShippedMail): EmailContent {
  const en = wantsEnglish(order.locale)
  const no = orderNumber(order)
  const carrierVi = carrier ? ` qua ${cleanText(carrier)}` : ""
  const carrierEn = carrier ? ` with ${cleanText(carrier)}` : ""
  const textVi = `${cleanText(producer_name)} đã gửi hàng của đơn ${no}${carrierVi}.\nMã vận đơn: ${cleanText(tracking_number)}\n${linesText(lines)}`
  const textEn = en
    ? `${cleanText(producer_name)} shipped your order ${no}${carrierEn}.\nTracking number: ${cleanText(tracking_number)}\n${linesText(lines)}`
    : null
  const htmlVi =
    `<p><strong>${escapeHtml(producer_name)}</strong> đã gửi hàng của đơn <strong>${escapeHtml(no)}</strong>${escapeHtml(carrierVi)}.</p>` +
    `<p>Mã vận đơn: <strong>${escapeHtml(tracking_number)}</strong></p>${linesHtml(lines)}`
  const htmlEn = en
    ? `<p><strong>${escapeHtml(producer_name)}</strong> shipped your order <strong>${escapeHtml(no)}</strong>${escapeHtml(carrierEn)}.</p>` +
      `<p>Tracking number: <strong>${escapeHtml(tracking_number)}</strong></p>${linesHtml(lines)}`
    : null
  return {
    subject: `Đơn hàng ${no} đã được gửi đi` + (en ? ` / Order ${no} has shipped` : ""),
    text: join(textVi, textEn),
    html: wrapHtml(htmlVi, htmlEn),
  }
}

export type LotRecallMail = {
  order: Pick<OrderMail, "id" | "display_id" | "locale">
  producer_name: string
  product_title: string
  lot_code: string
  reason: string
  /** The lot's public scan page (the shop's /l/{public_code}), where the recall is shown too. */
  scan_url: string
  lines: MailLine[]
  /** Units of the order from this lot; null when the shipment did not say (recorded before units per lot). */
  quantity: number | null
}

/** A buyer's "recall": which lot of which order, why, and to stop using it. */
export function lotRecallEmail({ order, producer_name, product_title, lot_code, reason, scan_url, lines, quantity }: LotRecallMail): EmailContent {
  const en = wantsEnglish(order.locale)
  const no = orderNumber(order)
  // A line may have shipped from several lots: the units from this one, when the shipment said.
  const unitsVi = quantity == null ? "" : `Số lượng từ lô này: ${quantity}`
  const unitsEn = quantity == null ? "" : `Units from this lot: ${quantity}`
  const textVi =
    `${cleanText(producer_name)} thu hồi lô ${cleanText(lot_code)} của sản phẩm ${cleanText(product_title)}, ` +
    `có trong đơn hàng ${no} của bạn:\n${linesText(lines)}\n${unitsVi ? `${unitsVi}\n` : ""}Lý do: ${cleanText(reason)}\n` +
    `Xin ngừng sử dụng sản phẩm của lô này và liên hệ người bán để được đổi hoặc hoàn tiền.\nThông tin lô: ${cleanText(scan_url)}`
  const textEn = en
    ? `${cleanText(producer_name)} recalls lot ${cleanText(lot_code)} of ${cleanText(product_title)}, which was in your order ${no}:\n` +
      `${linesText(lines)}\n${unitsEn ? `${unitsEn}\n` : ""}Reason: ${cleanText(reason)}\n` +
      `Please stop using the product of this lot and contact the seller for a replacement or a refund.\nThe lot: ${cleanText(scan_url)}`
    : null
  const htmlVi =
    `<p><strong>${escapeHtml(producer_name)}</strong> thu hồi lô <strong>${escapeHtml(lot_code)}</strong> của sản phẩm ` +
    `${escapeHtml(product_title)}, có trong đơn hàng <strong>${escapeHtml(no)}</strong> của bạn:</p>${linesHtml(lines)}` +
    (unitsVi ? `<p>${unitsVi}</p>` : "") +
    `<p>Lý do: ${escapeHtml(reason)}</p><p>Xin ngừng sử dụng sản phẩm của lô này và liên hệ người bán để được đổi hoặc hoàn tiền.</p>` +
    `<p><a href="${escapeHtml(scan_url)}">Thông tin lô</a></p>`
  const htmlEn = en
    ? `<p><strong>${escapeHtml(producer_name)}</strong> recalls lot <strong>${escapeHtml(lot_code)}</strong> of ` +
      `${escapeHtml(product_title)}, which was in your order <strong>${escapeHtml(no)}</strong>:</p>${linesHtml(lines)}` +
      (unitsEn ? `<p>${unitsEn}</p>` : "") +
      `<p>Reason: ${escapeHtml(reason)}</p><p>Please stop using the product of this lot and contact the seller for a replacement or a refund.</p>` +
      `<p><a href="${escapeHtml(scan_url)}">The lot</a></p>`
    : null
  return {
    subject:
      `Chợ OCOP: thu hồi lô ${cleanText(lot_code)} trong đơn hàng ${no}` + (en ? ` / Recall of lot ${cleanText(lot_code)} in order ${no}` : ""),
    text: join(textVi, textEn),
    html: wrapHtml(htmlVi, htmlEn),
  }
}
