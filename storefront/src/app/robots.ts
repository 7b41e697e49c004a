import type { MetadataRoute } from "next"
import { siteUrl } from "@/lib/seo"

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/vi/cart", "/en/cart", "/vi/checkout", "/en/checkout", "/vi/account", "/en/account"] },
    sitemap: `${siteUrl()}/sitemap.xml`,
  }
}
