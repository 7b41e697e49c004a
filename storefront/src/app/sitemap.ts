import type { MetadataRoute } from "next"
import { routing } from "@/i18n/routing"
import { listProductHandles, listProvinces } from "@/lib/data/catalog"
import { siteUrl } from "@/lib/seo"

// Built on request (the build has no backend to ask); the catalogue reads inside are cached by tag.
export const dynamic = "force-dynamic"

function entry(path: string): MetadataRoute.Sitemap[number] {
  const languages = Object.fromEntries(routing.locales.map((l) => [l, `${siteUrl()}/${l}${path}`]))
  return { url: `${siteUrl()}/${routing.defaultLocale}${path}`, alternates: { languages } }
}

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [handles, provinces] = await Promise.all([listProductHandles(), listProvinces()])
  return [
    entry(""),
    entry("/search"),
    entry("/provinces"),
    ...provinces.filter((p) => p.product_count > 0).map((p) => entry(`/provinces/${p.code}`)),
    ...handles.map((h) => entry(`/products/${h}`)),
  ]
}
