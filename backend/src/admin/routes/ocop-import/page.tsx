import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowUpTray } from "@medusajs/icons"
import { Button, Container, Heading, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import type { ImportFileSummary as ImportResult } from "@ocop/contracts"
import { useState } from "react"
import { sdk } from "../../lib/sdk"

// Same origin as the sdk: the report link carries the admin's session cookie.
const BACKEND_URL = (import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "")

const SUMMARY: [keyof ImportResult, string][] = [
  ["read", "Đọc"],
  ["created", "Tạo mới"],
  ["updated", "Cập nhật"],
  ["unchanged", "Không đổi"],
  ["rejected", "Bị loại"],
]

/**
 * Operator page: upload a province's certification list (xlsx, csv, decision text) and see what the import did,
 * row by row for the rejected ones. The same parser and rules as `npm run import`.
 */
const OcopImportPage = () => {
  const [file, setFile] = useState<File | null>(null)
  const [mode, setMode] = useState("certify")
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData()
      form.append("file", file!)
      form.append("mode", mode)
      return sdk.client.fetch<ImportResult>("/admin/ocop/imports/file", { method: "POST", body: form })
    },
    onSuccess: (result) => toast.success(`Đã nhập ${result.file_name}`),
    onError: (error: Error) => toast.error(error.message),
  })
  const result = upload.data

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <Heading level="h1">Nhập danh sách sản phẩm OCOP</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Tệp phụ lục quyết định của tỉnh (.xlsx, .csv, .tsv hoặc văn bản quyết định .txt). Nhập lại cùng tệp không thay đổi gì; sản phẩm mới hiện
          ngay trên cửa hàng như gian trưng bày (có chứng nhận, xuất xứ, chủ thể, “Chưa bán trực tuyến”) và bán được khi chủ thể nhận quản lý gian
          hàng và thêm quy cách kèm giá.
        </Text>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="ocop-file">Tệp danh sách</Label>
          <input id="ocop-file" type="file" accept=".xlsx,.csv,.tsv,.txt" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="ocop-mode">Loại danh sách</Label>
          <Select value={mode} onValueChange={setMode}>
            <Select.Trigger id="ocop-mode">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="certify">Công nhận / đánh giá lại</Select.Item>
              <Select.Item value="revoke">Thu hồi chứng nhận</Select.Item>
            </Select.Content>
          </Select>
        </div>
        <Button onClick={() => upload.mutate()} disabled={!file} isLoading={upload.isPending}>
          Nhập danh sách
        </Button>
      </Container>
      {result && (
        <Container className="flex flex-col gap-y-4 px-6 py-4">
          <Heading level="h2">Kết quả: {result.file_name}</Heading>
          <Table>
            <Table.Header>
              <Table.Row>
                {SUMMARY.map(([, label]) => (
                  <Table.HeaderCell key={label}>{label}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              <Table.Row>
                {SUMMARY.map(([key]) => (
                  <Table.Cell key={key}>{String(result[key])}</Table.Cell>
                ))}
              </Table.Row>
            </Table.Body>
          </Table>
          {result.errors_total > 0 && (
            <Text size="small">
              {result.errors_truncated ? `Hiển thị ${result.errors.length} trên ${result.errors_total} lỗi. ` : `${result.errors_total} lỗi. `}
              <a className="text-ui-fg-interactive underline" href={`${BACKEND_URL}${result.report_url}`} download>
                Tải báo cáo lỗi đầy đủ (CSV)
              </a>
            </Text>
          )}
          {result.errors.length > 0 && (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Dòng</Table.HeaderCell>
                  <Table.HeaderCell>Cột</Table.HeaderCell>
                  <Table.HeaderCell>Giá trị</Table.HeaderCell>
                  <Table.HeaderCell>Lý do</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {result.errors.map((error, i) => (
                  <Table.Row key={i}>
                    <Table.Cell>{error.source_row}</Table.Cell>
                    <Table.Cell>{error.column ?? "—"}</Table.Cell>
                    <Table.Cell>{error.value ?? "—"}</Table.Cell>
                    <Table.Cell>{error.message}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Nhập danh sách OCOP", icon: ArrowUpTray })

export default OcopImportPage
