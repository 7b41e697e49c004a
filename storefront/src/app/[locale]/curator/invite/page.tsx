import { CuratorInviteForm } from "@/components/curator/forms"
import { InviteLanding, type InvitePageProps } from "@/components/invite-landing"

export const dynamic = "force-dynamic"

/** The operator's invite link (`/vi/curator/invite?token=…`): register, accept and sign in with one form. */
export default function CuratorInvitePage(props: InvitePageProps) {
  return <InviteLanding {...props} namespace="curator" renderForm={(token) => <CuratorInviteForm token={token} />} />
}
