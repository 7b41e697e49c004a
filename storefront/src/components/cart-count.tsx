"use client"

import { useEffect, useState } from "react"

/**
 * The cart's item count, fetched after the page loads so that catalogue pages stay shared and cached for every
 * visitor instead of being rendered per buyer.
 */
export function CartCount() {
  const [count, setCount] = useState<number | null>(null)
  useEffect(() => {
    const refresh = () =>
      fetch("/api/cart-count", { cache: "no-store" })
        .then((r) => r.json())
        .then((d: { count: number }) => setCount(d.count))
        .catch(() => undefined)
    refresh()
    window.addEventListener("ocop:cart-changed", refresh)
    return () => window.removeEventListener("ocop:cart-changed", refresh)
  }, [])
  return (
    <span className="cart-count" data-testid="cart-count">
      {count ?? ""}
    </span>
  )
}
