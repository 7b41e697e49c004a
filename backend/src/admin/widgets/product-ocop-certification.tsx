import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, AdminProduct } from "@medusajs/framework/types"
import type { AdminProductOcop } from "@ocop/contracts"
import { Badge, Button, Container, Heading, Input, Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../lib/sdk"

type Certification = AdminProductOcop["certifications"][number]

const STATUS_LABEL: Record<Certification["status"], string> = {
  active: "Còn hiệu lực",
  expired: "Hết hạn",
  revoked: "Đã thu hồi",
  superseded: "Đã thay thế",
  unknown_validity: "Chưa xác minh thời hạn",
}
const STATUS_COLOR = { active: "green", expired: "orange", revoked: "red", superseded: "grey", unknown_validity: "orange" } as const
const KIND_LABEL: Record<string, string> = {
  first_rating: "Công nhận lần đầu",
  re_evaluation: "Đánh giá lại",
  upgrade: "Nâng hạng",
  downgrade: "Hạ hạng",
  revocation: "Thu hồi",
  expiry: "Hết hạn",
  correction: "Đính chính",
}

/** Product page: the OCOP certificate as buyers see it, its history, and corrections by the operator. */
const ProductOcopCertificationWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const queryClient = useQueryClient()
  const queryKey = ["ocop", product.id]
  const { data, isLoading } = useQuery({
    queryKey,
    queryFn: () => sdk.client.fetch<AdminProductOcop>(`/admin/products/${product.id}/ocop`),
  })
  const current = data?.certifications.find((c) => c.id === data.current_certification_id)
  const [form, setForm] = useState<Record<string, string>>({})

  const update = useMutation({
    mutationFn: (body: Record<string, unknown>) => sdk.client.fetch(`/admin/ocop/certifications/${current!.id}`, { method: "POST", body }),
    onSuccess: () => {
      toast.success("Đã lưu chứng nhận OCOP")
      setForm({})
      queryClient.invalidateQueries({ queryKey })
    },
    onError: (error: Error) => toast.error(error.message),
  })

  const submit = () => {
    const body: Record<string, unknown> = {}
    if (form.stars) body.stars = Number(form.stars)
    if (form.decision_number) body.decision_number = form.decision_number
    if (form.decision_date) body.decision_date = form.decision_date
    if (form.status) body.status = form.status
    if (form.status_reason) body.status_reason = form.status_reason
    update.mutate(body)
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Chứng nhận OCOP</Heading>
        {current && <Badge color={STATUS_COLOR[current.status]}>{STATUS_LABEL[current.status]}</Badge>}
      </div>
      {isLoading && <Text className="px-6 py-4">Đang tải…</Text>}
      {!isLoading && !current && <Text className="px-6 py-4 text-ui-fg-subtle">Sản phẩm chưa có chứng nhận OCOP (nhập từ danh sách của tỉnh).</Text>}
      {current && (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Text size="large" weight="plus" aria-label={`${current.stars} sao`}>
            {"★".repeat(current.stars)}
            {current.potential_five_star ? " · tiềm năng 5 sao" : ""}
          </Text>
          <Text size="small">
            Quyết định: {current.decision_number ?? "—"} {current.decision_date ? `ngày ${current.decision_date}` : ""}
          </Text>
          <Text size="small">
            Hiệu lực đến: {current.valid_until ?? "không rõ"} · Cấp: {current.certifying_level}
          </Text>
          <Text size="small">Nhóm: {current.product_group ? `${current.product_group.code} ${current.product_group.name}` : "—"}</Text>
          <Text size="small">
            Xuất xứ: {current.origin.province?.name ?? "—"}
            {current.origin.formerly ? ` (trước đây: ${current.origin.formerly})` : ""}
          </Text>
          {data?.producer && <Text size="small">Chủ thể: {data.producer.name}</Text>}
          {current.status_reason && <Text size="small">Lý do: {current.status_reason}</Text>}
        </div>
      )}
      {current?.rating_history && (
        <ul className="flex flex-col gap-y-1 px-6 py-4">
          {current.rating_history.map((event, i) => (
            <li key={i}>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {event.recorded_at.slice(0, 10)} · {KIND_LABEL[event.kind] ?? event.kind}
                {event.stars ? ` · ${event.stars}★` : ""}
                {event.decision_number ? ` · ${event.decision_number}` : ""}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {current && (
        <div className="flex flex-col gap-y-3 px-6 py-4">
          <div>
            <Label htmlFor="ocop-stars">Hạng sao</Label>
            <Select value={form.stars ?? ""} onValueChange={(v) => setForm({ ...form, stars: v })}>
              <Select.Trigger id="ocop-stars">
                <Select.Value placeholder={`${current.stars} sao`} />
              </Select.Trigger>
              <Select.Content>
                {["3", "4", "5"].map((s) => (
                  <Select.Item key={s} value={s}>{`${s} sao`}</Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <div>
            <Label htmlFor="ocop-decision">Số quyết định</Label>
            <Input
              id="ocop-decision"
              placeholder={current.decision_number ?? "1114/QĐ-UBND"}
              value={form.decision_number ?? ""}
              onChange={(e) => setForm({ ...form, decision_number: e.target.value })}
            />
          </div>
          <div>
            <Label htmlFor="ocop-date">Ngày quyết định</Label>
            <Input
              id="ocop-date"
              type="date"
              value={form.decision_date ?? ""}
              onChange={(e) => setForm({ ...form, decision_date: e.target.value })}
            />
          </div>
          <div>
            <Label htmlFor="ocop-status">Trạng thái</Label>
            <Select value={form.status ?? ""} onValueChange={(v) => setForm({ ...form, status: v })}>
              <Select.Trigger id="ocop-status">
                <Select.Value placeholder={STATUS_LABEL[current.status]} />
              </Select.Trigger>
              <Select.Content>
                {(Object.keys(STATUS_LABEL) as Certification["status"][])
                  // "unknown_validity" is derived (no valid-until date), never stored: the operator cannot set it.
                  .filter((s) => s !== "unknown_validity")
                  .map((s) => (
                    <Select.Item key={s} value={s}>
                      {STATUS_LABEL[s]}
                    </Select.Item>
                  ))}
              </Select.Content>
            </Select>
          </div>
          <div>
            <Label htmlFor="ocop-reason">Lý do / ghi chú</Label>
            <Textarea id="ocop-reason" value={form.status_reason ?? ""} onChange={(e) => setForm({ ...form, status_reason: e.target.value })} />
          </div>
          <Button size="small" onClick={submit} isLoading={update.isPending} disabled={!Object.keys(form).length}>
            Lưu
          </Button>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.after" })

export default ProductOcopCertificationWidget
