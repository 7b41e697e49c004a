import { describe, expect, it } from "vitest"
import { trimSrcSet, widestSlot } from "./srcset"

const url = (w: number) => `/_next/image?url=http%3A%2F%2Fshop%2Fstatic%2Fa.webp&w=${w}&q=75`
const widths = [256, 384, 640, 750, 828, 1080, 1200, 1920, 2048, 3840]
const srcSet = widths.map((w) => `${url(w)} ${w}w`).join(", ")

describe("widestSlot", () => {
  it("reads bounded vw slots and pixel slots", () => {
    expect(widestSlot("(max-width: 640px) 50vw, (max-width: 1024px) 33vw, 240px")).toBeCloseTo(337.92)
    expect(widestSlot("(max-width: 768px) 100vw, 560px")).toBe(768)
    expect(widestSlot("120px")).toBe(120)
  })
  it("has no limit for an unbounded or unreadable slot", () => {
    expect(widestSlot("100vw")).toBe(Infinity)
    expect(widestSlot("(min-width: 800px) 50vw, 100vw")).toBe(Infinity)
    expect(widestSlot(undefined)).toBe(Infinity)
  })
})

describe("trimSrcSet", () => {
  it("keeps a product card's candidates up to the first that covers 3× its widest slot", () => {
    const img = trimSrcSet({ src: url(3840), srcSet, sizes: "(max-width: 640px) 50vw, (max-width: 1024px) 33vw, 240px" })
    expect(img.srcSet).toBe([256, 384, 640, 750, 828, 1080].map((w) => `${url(w)} ${w}w`).join(", "))
    expect(img.src).toBe(url(1080))
  })
  it("leaves a full-width photo, and a srcset it cannot read, as they are", () => {
    expect(trimSrcSet({ src: url(3840), srcSet, sizes: "100vw" }).srcSet).toBe(srcSet)
    expect(trimSrcSet({ src: "/a.png", srcSet: "/a.png 1x, /b.png 2x", sizes: "120px" }).srcSet).toBe("/a.png 1x, /b.png 2x")
  })
})
