import type { ProducerMemberRecord } from "./scope"

export function presentMember(member: ProducerMemberRecord) {
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    role: member.role,
    producer_id: member.producer_id ?? null,
  }
}
