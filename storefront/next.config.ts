import type { NextConfig } from "next"
import createNextIntlPlugin from "next-intl/plugin"

const backend = new URL(process.env.MEDUSA_BACKEND_URL ?? "http://localhost:9000")

const nextConfig: NextConfig = {
  poweredByHeader: false,
  images: {
    // Product photos live on the backend's file provider; next/image re-encodes them with sharp.
    formats: ["image/avif", "image/webp"],
    remotePatterns: [
      // Any port: the same build serves development, tests and production backends on the same host name.
      { hostname: backend.hostname },
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
