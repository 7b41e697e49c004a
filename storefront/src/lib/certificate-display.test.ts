import { describe, expect, it } from "vitest"
import vi from "../../messages/vi.json"
import en from "../../messages/en.json"
import { certificationClaim, describeCertificate, describeStatus } from "./certificate-display"

const listed = { stars: 4, potential_five_star: false, decision_number: null, valid_from: null, valid_until: null }
const label = (messages: typeof vi, status: string) => (messages.ocop.statuses as Record<string, string>)[status]

describe("a certificate listed without a decision date", () => {
  const cert = { ...listed, status: "unknown_validity" as const }

  it("is shown as certified with its validity not verified, never as valid", () => {
    const display = describeCertificate(cert)
    expect(display).toMatchObject({ status: "unknown_validity", badge: "unverified", claimsValidity: false })
    expect(label(vi, display.status)).toBe("Chưa xác minh thời hạn")
    expect(label(en, display.status)).toBe("Validity not verified")
    expect(label(vi, display.status)).not.toBe(vi.ocop.statuses.active)
    expect(vi.ocop.badgeLabelUnverified.replace("{stars}", "4")).toBe("Sản phẩm OCOP 4 sao, chưa xác minh thời hạn chứng nhận")
  })

  it("claims no validity in the JSON-LD", () => {
    const claim = certificationClaim(cert)
    expect(claim).toMatchObject({ name: "OCOP 4 sao", certificationStatus: "Chưa xác minh thời hạn" })
    expect(claim).not.toHaveProperty("expires")
    expect(claim).not.toHaveProperty("validFrom")
  })

  it("is the same on product cards (search hits carry only the status)", () => {
    expect(describeStatus("unknown_validity")).toMatchObject({ status: "unknown_validity", badge: "unverified" })
  })
})

describe("other certificates", () => {
  it("a valid one shows the valid badge and its dates", () => {
    const cert = { ...listed, status: "active" as const, valid_from: "2025-08-12", valid_until: "2028-08-12" }
    expect(describeCertificate(cert)).toMatchObject({ status: "active", badge: "valid", claimsValidity: true })
    expect(label(vi, "active")).toBe("Còn hiệu lực")
    expect(certificationClaim(cert)).toMatchObject({ validFrom: "2025-08-12", expires: "2028-08-12" })
  })

  it("an expired or revoked one shows no badge and no JSON-LD certification", () => {
    for (const status of ["expired", "revoked"] as const) {
      const cert = { ...listed, status }
      expect(describeCertificate(cert).badge).toBeNull()
      expect(certificationClaim(cert)).toBeNull()
    }
  })

  it("the status the backend sends is what shows: the shop does not second-guess it from dates", () => {
    // An "active" certificate whose date has passed arrives as "expired" (the backend's effective status); the
    // shop never turns one into the other, so a status it is told is the status it draws.
    expect(describeStatus("active")).toMatchObject({ status: "active", badge: "valid" })
    expect(describeStatus("expired")).toMatchObject({ status: "expired", badge: null })
    expect(describeStatus("superseded").badge).toBeNull()
    expect(describeStatus(null).badge).toBeNull()
  })

  it("a potential 5★ product shows what the list says: 4★ certified, proposed for 5★", () => {
    const display = describeCertificate({ ...listed, potential_five_star: true, status: "active" as const })
    expect(display.proposedFiveStar).toBe(true)
    expect(vi.ocop.proposedFiveStar).toBe("Đề xuất Trung ương đánh giá 5 sao")
    expect(en.ocop.proposedFiveStar).toBe("Proposed for 5 stars (national evaluation)")
  })
})
