import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Badge, Button, Checkbox, Container, Heading, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { AdminCuratorAnswer, AdminCuratorList, CreatedCuratorInvite, Place } from "@ocop/contracts"
import { useState } from "react"
import { sdk } from "../../lib/sdk"

const LIST_KEY = ["ocop-curators"]

/** Ticks for the 34 provinces (seed's list, as GET /admin/curators returns it). */
const ProvincePicker = ({
  provinces,
  value,
  onChange,
  idPrefix,
}: {
  provinces: Place[]
  value: string[]
  onChange: (codes: string[]) => void
  idPrefix: string
}) => (
  <fieldset className="grid grid-cols-2 gap-x-4 gap-y-1 md:grid-cols-3">
    <legend className="sr-only">Tỉnh, thành phố / Provinces</legend>
    {provinces.map((p) => {
      const id = `${idPrefix}-${p.code}`
      return (
        <div key={p.code} className="flex items-center gap-x-2">
          <Checkbox
            id={id}
            checked={value.includes(p.code)}
            onCheckedChange={(checked) => onChange(checked ? [...value, p.code] : value.filter((c) => c !== p.code))}
          />
          <Label htmlFor={id} size="small">
            {p.name}
          </Label>
        </div>
      )
    })}
  </fieldset>
)

/**
 * Operator page for the provincial OCOP offices' accounts: who can use the curator console and for which
 * provinces; invite (the link is shown once, to send by e-mail or Zalo), change provinces, disable or enable.
 * Built on /admin/curators (backend/src/api/admin/curators); every rule stays in those routes.
 */
const CuratorsPage = () => {
  const queryClient = useQueryClient()
  const list = useQuery({
    queryKey: LIST_KEY,
    queryFn: () => sdk.client.fetch<AdminCuratorList>("/admin/curators", { query: { limit: 200 } }),
  })
  const provinces = list.data?.provinces ?? []
  const provinceName = (code: string) => provinces.find((p) => p.code === code)?.name ?? code
  const refresh = () => queryClient.invalidateQueries({ queryKey: LIST_KEY })

  const [email, setEmail] = useState("")
  const [national, setNational] = useState(false)
  const [inviteCodes, setInviteCodes] = useState<string[]>([])
  const invite = useMutation({
    mutationFn: () =>
      sdk.client.fetch<CreatedCuratorInvite>("/admin/curators/invites", {
        method: "POST",
        body: national ? { email, scope: "national" } : { email, scope: "province", province_codes: inviteCodes },
      }),
    onSuccess: (created) => {
      toast.success(`Đã tạo lời mời cho ${created.invite.email}`)
      setEmail("")
      setInviteCodes([])
      refresh()
    },
    onError: (error: Error) => toast.error(error.message),
  })

  const [editing, setEditing] = useState<{ id: string; codes: string[] } | null>(null)
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      sdk.client.fetch<AdminCuratorAnswer>(`/admin/curators/${id}`, { method: "POST", body }),
    onSuccess: ({ curator }) => {
      toast.success(`Đã lưu ${curator.email}`)
      setEditing(null)
      refresh()
    },
    onError: (error: Error) => toast.error(error.message),
  })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <Heading level="h1">Cán bộ OCOP</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Tài khoản của văn phòng điều phối OCOP tỉnh và trung ương. Cán bộ tỉnh chỉ thấy và sửa sổ chứng nhận của các tỉnh được giao; thay đổi có
          hiệu lực ở lần bấm tiếp theo của họ.
        </Text>
      </Container>

      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <Heading level="h2">Mời cán bộ</Heading>
        <form
          className="flex flex-col gap-y-3"
          onSubmit={(e) => {
            e.preventDefault()
            invite.mutate()
          }}
        >
          <div className="flex flex-col gap-y-1">
            <Label htmlFor="curator-email">Email công vụ</Label>
            <Input
              id="curator-email"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              placeholder="ocop@vinhlong.gov.vn"
            />
          </div>
          <div className="flex items-center gap-x-2">
            <Checkbox id="curator-national" checked={national} onCheckedChange={(checked) => setNational(checked === true)} />
            <Label htmlFor="curator-national">Văn phòng điều phối trung ương (toàn quốc, 34 tỉnh)</Label>
          </div>
          {!national && <ProvincePicker provinces={provinces} value={inviteCodes} onChange={setInviteCodes} idPrefix="invite" />}
          <div>
            <Button type="submit" isLoading={invite.isPending} disabled={!email || (!national && !inviteCodes.length)}>
              Tạo lời mời
            </Button>
          </div>
        </form>
        {invite.data && (
          <div className="flex flex-col gap-y-1 rounded-md border p-3">
            <Text weight="plus">
              Đường dẫn mời (chỉ hiện một lần, hết hạn {new Date(invite.data.invite.expires_at).toLocaleDateString("vi-VN")}):
            </Text>
            <Input readOnly value={invite.data.link} aria-label="Đường dẫn mời" onFocus={(e) => e.target.select()} />
            <div>
              <Button
                size="small"
                variant="secondary"
                type="button"
                onClick={() => navigator.clipboard.writeText(invite.data.link).then(() => toast.success("Đã chép"))}
              >
                Chép đường dẫn
              </Button>
            </div>
          </div>
        )}
      </Container>

      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <Heading level="h2">Danh sách cán bộ ({list.data?.count ?? 0})</Heading>
        {list.isError && <Text className="text-ui-fg-error">{(list.error as Error).message}</Text>}
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Cán bộ</Table.HeaderCell>
              <Table.HeaderCell>Phạm vi</Table.HeaderCell>
              <Table.HeaderCell>Trạng thái</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(list.data?.curators ?? []).map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>
                  <div className="flex flex-col">
                    <span>{c.name ?? "—"}</span>
                    <span className="text-ui-fg-subtle">{c.email}</span>
                  </div>
                </Table.Cell>
                <Table.Cell className="whitespace-normal">
                  {editing?.id === c.id ? (
                    <div className="flex flex-col gap-y-2 py-2">
                      <ProvincePicker
                        provinces={provinces}
                        value={editing.codes}
                        onChange={(codes) => setEditing({ id: c.id, codes })}
                        idPrefix={`edit-${c.id}`}
                      />
                      <div className="flex gap-x-2">
                        <Button
                          size="small"
                          disabled={!editing.codes.length}
                          isLoading={update.isPending}
                          onClick={() => update.mutate({ id: c.id, body: { scope: "province", province_codes: editing.codes } })}
                        >
                          Lưu tỉnh
                        </Button>
                        <Button size="small" variant="secondary" onClick={() => setEditing(null)}>
                          Thôi
                        </Button>
                      </div>
                    </div>
                  ) : c.scope === "national" ? (
                    "Toàn quốc"
                  ) : (
                    c.province_codes.map(provinceName).join(", ")
                  )}
                </Table.Cell>
                <Table.Cell>{c.deactivated_at ? <Badge color="red">Đã khóa</Badge> : <Badge color="green">Đang hoạt động</Badge>}</Table.Cell>
                <Table.Cell>
                  <div className="flex justify-end gap-x-2">
                    {editing?.id !== c.id && (
                      <Button
                        size="small"
                        variant="secondary"
                        onClick={() => setEditing({ id: c.id, codes: c.scope === "national" ? [] : c.province_codes })}
                      >
                        Đổi tỉnh
                      </Button>
                    )}
                    <Button
                      size="small"
                      variant={c.deactivated_at ? "secondary" : "danger"}
                      isLoading={update.isPending && update.variables?.id === c.id && "active" in (update.variables?.body ?? {})}
                      onClick={() => update.mutate({ id: c.id, body: { active: !!c.deactivated_at } })}
                    >
                      {c.deactivated_at ? "Mở khóa" : "Khóa"}
                    </Button>
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {!!list.data?.open_invites.length && (
          <>
            <Heading level="h3">Lời mời chưa nhận</Heading>
            <ul className="flex flex-col gap-y-1">
              {list.data.open_invites.map((i) => (
                <li key={i.id}>
                  <Text size="small">
                    {i.email} — {i.scope === "national" ? "Toàn quốc" : i.province_codes.map(provinceName).join(", ")} — hết hạn{" "}
                    {new Date(i.expires_at).toLocaleDateString("vi-VN")}
                  </Text>
                </li>
              ))}
            </ul>
          </>
        )}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Cán bộ OCOP",
  icon: Users,
})

export default CuratorsPage
