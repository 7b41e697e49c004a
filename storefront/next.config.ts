import type { NextConfig } from "next"
import createNextIntlPlugin from "next-intl/plugin"

// Read when the server starts (`next start` loads this file again), not only at build: one production build
// serves whatever backend MEDUSA_BACKEND_URL names at run time (the end-to-end tests run it on other ports).
const backend = new URL(process.env.MEDUSA_BACKEND_URL ?? "http://localhost:9000")

/**
 * Sent with every response of the shop. A static policy on purpose: a nonce-based CSP (the only way to drop
 * 'unsafe-inline' for Next's inline scripts) makes every page render per request and would end the catalogue's
 * ISR caching. What it does hold without nonces: no page can be framed (checkout, account and the producer
 * portal cannot be clickjacked), no plugins, no <base> rewriting links, forms post only to the shop.
 */
const contentSecurityPolicy = ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"].join("; ")
const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  // For browsers that predate frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Order and producer pages carry ids in their paths: other sites get the origin only.
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
]

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Next hashes every HTML answer it sends (FNV-1a over the whole page, in JavaScript) for an ETag, cached pages
  // included: 1.1 ms for the 80 KB home page on the shared 2 cores, as much as its gzip, on every request. The ETag
  // only saves a returning browser ~11 KB (a 304 instead of the page; the hash is computed either way), and a CDN in
  // front makes its own. docs/benchmarks.md, session 10.
  generateEtags: false,
  // `NEXT_DIST_DIR=.next-b` builds (and starts) a second copy beside the usual one, for side-by-side benchmarks
  // (e2e/bench/pages.bench.ts, storefront/bench/page-javascript.mjs).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Photos and lists go through server actions (a producer's listing photos, a featured list's cover, a curator's province list) to the backend, which
  // accepts up to 15 MB; Next's own default of 1 MB would refuse most phone photos before they get there.
  experimental: {
    serverActions: { bodySizeLimit: "16mb" },
    // Pages and backend answers rendered at run time (one per search query, product, list…) stay in Next's in-memory
    // LRU (cacheMaxMemorySize, 50 MB) and are not written under .next: anyone can ask for endless distinct searches,
    // and a disk cache would grow with them. Build-time pages are still read from the build.
    isrFlushToDisk: false,
    // The shop's one stylesheet (4.3 KB gzip) goes into each page's <head> instead of a render-blocking request.
    // Lighthouse mobile on a quiet machine, four runs of three against two (docs/benchmarks.md, session 14):
    // simulated LCP of the product page 2.02–2.06 → 1.57–1.61 s (once 1.02), province 2.02–2.06 → 1.00–1.59 s,
    // home 1.63–2.07 → 1.05–1.85 s; search and the featured list unchanged; scores 96–100 either way. The price: each
    // HTML grows by 4.6–8.8 KB gzip (the CSS is in it twice, as <style> and in the RSC payload), and a returning
    // buyer cannot take the CSS from the cache. TTFB p95 stays at 35–50 ms.
    inlineCss: true,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }]
  },
  images: {
    // Product photos live on the backend's file provider; next/image re-encodes them with sharp.
    formats: ["image/avif", "image/webp"],
    remotePatterns: [
      // Only the photo folder of the configured backend (scheme, host and port): the optimiser fetches on the
      // server's side, and any other path or port of that host (its admin API, other services) is refused.
      {
        protocol: backend.protocol.replace(":", "") as "http" | "https",
        hostname: backend.hostname,
        port: backend.port,
        pathname: "/static/**",
      },
      ...(process.env.OCOP_IMAGE_HOSTS ?? "")
        .split(",")
        .filter(Boolean)
        .map((host) => ({ protocol: "https" as const, hostname: host })),
    ],
    // The backend runs on localhost in development and tests; Next refuses private addresses unless told.
    dangerouslyAllowLocalIP: backend.hostname === "localhost" || backend.hostname === "127.0.0.1",
  },
}

export default createNextIntlPlugin("./src/i18n/request.ts")(nextConfig)
