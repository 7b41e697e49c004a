/**
 * The `vnpay` library (MIT). Its package is ESM-first and its type declarations are ESM, which TypeScript refuses
 * to `import` from this CommonJS build although Node loads its CommonJS entry (dist/index.cjs) without trouble:
 * hence one typed `require` here, and everything else imports from this file.
 */
const vnpay: typeof import("vnpay", { with: { "resolution-mode": "import" } }) = require("vnpay")

export type IpnResponse = import("vnpay", { with: { "resolution-mode": "import" } }).IpnResponse
export type VNPay = import("vnpay", { with: { "resolution-mode": "import" } }).VNPay
export default vnpay
