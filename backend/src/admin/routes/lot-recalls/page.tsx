import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import type { AdminLotRecalls } from "@ocop/contracts"
import { useState } from "react"
import { sdk } from "../../lib/sdk"

const PAGE_SIZE = 20
const dateTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" }) : "—")

/**
 * Operator page of recalled lots (issue 17): for each recall the lot, its product and producer, the reason, who
 * recalled it and when, and the orders that shipped units of it — order number, the producer's part status, the
 * buyer's e-mail, units from the lot — to follow up with. Built on GET /admin/lots/recalls; no rule lives here.
 */
const LotRecallsPage = () => {
  const [page, setPage] = useState(0)
  const list = useQuery({
    queryKey: ["ocop-lot-recalls", page],
    queryFn: () => sdk.client.fetch<AdminLotRecalls>("/admin/lots/recalls", { query: { limit: PAGE_SIZE, offset: page * PAGE_SIZE } }),
  })
  const pages = Math.max(1, Math.ceil((list.data?.count ?? 0) / PAGE_SIZE))
  return (
    <div className="flex flex-col gap-y-4">
      <Container className="flex flex-col gap-y-4 p-6">
        <Heading level="h1">Lô bị thu hồi / Recalled lots</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Mỗi lô thu hồi và các đơn hàng đã nhận hàng từ lô đó (người mua đã được báo qua e-mail).
        </Text>
        {list.isError && <Text className="text-ui-fg-error">{(list.error as Error).message}</Text>}
        {list.data && !list.data.recalls.length && <Text>Chưa có lô nào bị thu hồi.</Text>}
        {list.data?.recalls.map(({ lot, recalled_by, affected_orders }) => (
          <section key={lot.id} className="flex flex-col gap-y-2 border-t pt-4" aria-label={`Lô ${lot.code}`}>
            <Heading level="h2">
              {lot.product_title ?? lot.product_id} · Lô {lot.code}
            </Heading>
            <Text size="small">
              {lot.producer_name ?? "—"} · thu hồi {dateTime(lot.recalled_at)} bởi{" "}
              {recalled_by ? `${recalled_by.type === "curator" ? "cán bộ" : "nhà sản xuất"} ${recalled_by.email ?? recalled_by.id}` : "—"}
            </Text>
            <Text size="small">Lý do: {lot.recall_reason ?? "—"}</Text>
            {affected_orders.length ? (
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>Đơn hàng</Table.HeaderCell>
                    <Table.HeaderCell>Phần đơn</Table.HeaderCell>
                    <Table.HeaderCell>Người mua</Table.HeaderCell>
                    <Table.HeaderCell>Số lượng từ lô</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {affected_orders.map((o) => (
                    <Table.Row key={o.order_id}>
                      <Table.Cell>#{o.display_id ?? o.order_id}</Table.Cell>
                      <Table.Cell>
                        <Badge size="2xsmall">{o.part_status ?? "—"}</Badge>
                      </Table.Cell>
                      <Table.Cell>{o.email ?? "—"}</Table.Cell>
                      <Table.Cell>{o.quantity ?? "không rõ"}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            ) : (
              <Text size="small">Chưa có đơn hàng nào ghi lô này khi gửi hàng.</Text>
            )}
          </section>
        ))}
        {pages > 1 && (
          <div className="flex items-center gap-x-2">
            <Button size="small" variant="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Trang trước
            </Button>
            <Text size="small">
              Trang {page + 1}/{pages}
            </Text>
            <Button size="small" variant="secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
              Trang sau
            </Button>
          </div>
        )}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Lô thu hồi",
  icon: ExclamationCircle,
})

export default LotRecallsPage
