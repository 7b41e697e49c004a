import { echoValue } from "./text-rules"
import { RowError } from "./record-schema"

/** Every reason a row can be rejected: English code → Vietnamese message shown to provincial staff. */
export const ROW_ERROR_MESSAGES = {
  missing_product_name: "Thiếu tên sản phẩm",
  missing_stars: "Thiếu hạng sao",
  unreadable_stars: "Không đọc được hạng sao (ví dụ hợp lệ: 3, 4 sao, ★★★, Tiềm năng 5 sao)",
  stars_out_of_range: "Hạng sao phải là 3, 4 hoặc 5",
  invalid_score: "Điểm phải là một số từ 0 đến 100",
  missing_province: "Không xác định được tỉnh/thành phố (dòng và tiêu đề văn bản đều không ghi)",
  unknown_province: "Tỉnh/thành phố không có trong danh mục",
  invalid_date: "Ngày quyết định không hợp lệ",
  duplicate_row: "Trùng với một dòng trước trong tệp (cùng sản phẩm, chủ thể, địa chỉ, hạng sao và quyết định)",
  markup_not_allowed: "Nội dung chứa mã HTML hoặc script, không được phép",
  too_long: "Nội dung dài quá giới hạn",
  unknown_commune: "Xã/phường không có trong danh mục của tỉnh",
  unknown_product_group: "Nhóm sản phẩm không có trong danh mục QĐ 148",
  not_certified: "Không tìm thấy chứng nhận OCOP của sản phẩm này để thu hồi",
  invalid_flag: "Chỉ ghi Có/Không (hoặc x); để trống nếu chưa rõ",
  invalid_record: "Bản ghi không hợp lệ",
} as const
export type RowErrorCode = keyof typeof ROW_ERROR_MESSAGES

export function rowError(code: RowErrorCode, sourceRow: number, column: string | null, value: string | null, detail?: string): RowError {
  const message = ROW_ERROR_MESSAGES[code]
  // Quoted values are cut short: an error must not send a 100,000-character cell back.
  const quoted = value === null ? null : echoValue(value)
  return { source_row: sourceRow, column, value: quoted, code, message: detail ? `${message}: ${detail}` : message }
}
