import { InviteForm } from "@/components/portal/invite-form"
import { InviteLanding, type InvitePageProps } from "@/components/invite-landing"

export const dynamic = "force-dynamic"

/** A producer's invite link (`/vi/portal/invite?token=…`): register, join the producer and sign in with one form. */
export default function PortalInvitePage(props: InvitePageProps) {
  return <InviteLanding {...props} namespace="portal" renderForm={(token) => <InviteForm token={token} />} />
}
