/**
 * Which lot a shipped order line may name, and how many of its units came from each (issue 17: a recall must find
 * every order that received the lot, and say how many units it received). The producer names, per line of its part
 * of an order, the lot(s) the units came from; a lot fits a line when it is one of the producer's own lots of that
 * very product and has not been recalled (recalled units are not to be sent). A line split over several lots says
 * how many units each gave, and they add up to the line's quantity; one lot alone may omit it (it gave them all).
 */

export type ShippedLotChoice = { line_item_id: string; lot_id: string; quantity?: number | null }
export type ShippableLine = { id: string; product_id: string | null; quantity: number }
export type ShippableLot = { id: string; product_id: string; status: string }
export type ShippedLotQuantity = { line_item_id: string; lot_id: string; quantity: number }

/**
 * The first problem with the producer's choices, as the 400 message ("lots: …", Vietnamese then English), or null
 * when every choice fits. `lines` are the producer's own lines of the order, `ownLots` the producer's own lots among
 * those named: a lot of another producer is simply not among them, and reads as unknown.
 */
export function findShippedLotProblem(choices: ShippedLotChoice[], lines: ShippableLine[], ownLots: ShippableLot[]): string | null {
  const lineOf = new Map(lines.map((l) => [l.id, l]))
  const lotOf = new Map(ownLots.map((l) => [l.id, l]))
  const seen = new Set<string>()
  const perLine = new Map<string, ShippedLotChoice[]>()
  for (const choice of choices) {
    const line = lineOf.get(choice.line_item_id)
    if (!line) return `lots: dòng ${choice.line_item_id} không thuộc phần đơn của bạn / line ${choice.line_item_id} is not in your part of the order`
    const lot = lotOf.get(choice.lot_id)
    if (!lot) return `lots: không tìm thấy lô ${choice.lot_id} của bạn / lot ${choice.lot_id} is not one of yours`
    if (lot.product_id !== line.product_id)
      return `lots: lô ${choice.lot_id} không phải của sản phẩm trong dòng ${line.id} / lot ${choice.lot_id} is not of the product of line ${line.id}`
    if (lot.status === "recalled")
      return `lots: lô ${choice.lot_id} đã bị thu hồi, không được gửi / lot ${choice.lot_id} is recalled and must not ship`
    const key = `${choice.line_item_id} ${choice.lot_id}`
    if (seen.has(key))
      return `lots: lô ${choice.lot_id} được nêu hai lần cho dòng ${line.id} / lot ${choice.lot_id} is named twice for line ${line.id}`
    seen.add(key)
    perLine.set(line.id, [...(perLine.get(line.id) ?? []), choice])
  }
  for (const [lineId, named] of perLine) {
    const shipped = lineOf.get(lineId)!.quantity
    if (named.length > 1 && named.some((c) => c.quantity == null))
      return `lots: dòng ${lineId} lấy từ ${named.length} lô, cần ghi số lượng của từng lô / line ${lineId} comes from ${named.length} lots: give each lot's quantity`
    const sum = named.reduce((total, c) => total + (c.quantity ?? shipped), 0)
    if (sum !== shipped)
      return `lots: số lượng các lô của dòng ${lineId} cộng lại là ${sum}, dòng gửi ${shipped} / the lot quantities of line ${lineId} add up to ${sum}, the line ships ${shipped}`
  }
  return null
}

/*
 * Per-unit serials (issue 17: "a lot-level QR can be copied"). Each pack of a lot may carry its own serial, printed
 * small under its own QR; the first scan of a serial records its first check, every later scan answers "already
 * checked on <date>". The serial is GS1 AI 21 in a Digital Link, so it must be URL-safe and short for a small QR.
 */

/** No 0/O, 1/I/L: a serial is printed small under its QR and may be read out or typed by hand. */
export const SERIAL_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
/** 13 characters of 31: 13 × log2(31) ≈ 64.4 random bits, unguessable in bulk, short enough for a small QR. */
export const SERIAL_LENGTH = 13
/** Serials one request may ask for: a label sheet of up to 1,000 labels (42 A4 pages of 3 × 8). */
export const SERIALS_PER_REQUEST_MAX = 1000
/** Serials one lot may hold at most, whatever its quantity: bounds the storage one producer can fill. */
export const SERIALS_PER_LOT_MAX = 100_000

const SERIAL_PATTERN = new RegExp(`^[${SERIAL_ALPHABET}]{${SERIAL_LENGTH}}$`)

/** Whether a text is a well-formed serial (upper case; the shop upper-cases what a person typed). */
export function isSerialCode(value: string): boolean {
  return SERIAL_PATTERN.test(value)
}

/** Serials a lot may hold: one per unit made, and never more than SERIALS_PER_LOT_MAX. */
export function serialCapForLot(quantity: number): number {
  return Math.max(0, Math.min(Math.floor(quantity), SERIALS_PER_LOT_MAX))
}

/**
 * Why a request for `requested` more serials of a lot that already holds `issued` of its cap cannot be met, as the
 * 400 message naming the field ("count: …", Vietnamese then English), or null when it can.
 */
export function findSerialRequestProblem(requested: number, issued: number, quantity: number): string | null {
  if (!Number.isInteger(requested) || requested < 1 || requested > SERIALS_PER_REQUEST_MAX)
    return `count: từ 1 đến ${SERIALS_PER_REQUEST_MAX.toLocaleString("vi-VN")} mã mỗi lần / 1 to ${SERIALS_PER_REQUEST_MAX.toLocaleString("en-GB")} serials per request`
  const cap = serialCapForLot(quantity)
  const left = Math.max(0, cap - issued)
  if (requested > left)
    return `count: lô này chỉ còn được cấp ${left.toLocaleString("vi-VN")} mã (tối đa ${cap.toLocaleString("vi-VN")}, theo số lượng sản xuất) / this lot may get only ${left.toLocaleString("en-GB")} more serials (at most ${cap.toLocaleString("en-GB")}, its quantity made)`
  return null
}

/**
 * The units each named lot gave its line, as stored with the shipment: a lot named alone without a quantity gave
 * the whole line. Call it on choices findShippedLotProblem accepted.
 */
export function assignShippedLotQuantities(choices: ShippedLotChoice[], lines: ShippableLine[]): ShippedLotQuantity[] {
  const quantityOf = new Map(lines.map((l) => [l.id, l.quantity]))
  return choices.map((c) => ({ line_item_id: c.line_item_id, lot_id: c.lot_id, quantity: c.quantity ?? quantityOf.get(c.line_item_id) ?? 0 }))
}
