"use client"

import { useEffect } from "react"
import { useRouter } from "next/navigation"

/** Re-renders the page every few seconds while `active`: the buyer sees "paid" as soon as the bank confirms. */
export function RefreshWhile({ active, everyMs = 5000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter()
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => router.refresh(), everyMs)
    return () => clearInterval(timer)
  }, [active, everyMs, router])
  return null
}
