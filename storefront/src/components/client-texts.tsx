import { NextIntlClientProvider } from "next-intl"
import { clientMessages, SHOP_CLIENT_NAMESPACES } from "@/i18n/client-messages"

/** Gives the client components below the texts of `namespaces` besides the shop-wide ones. */
export async function ClientTexts({ namespaces, children }: { namespaces: string[]; children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(...SHOP_CLIENT_NAMESPACES, ...namespaces)}>{children}</NextIntlClientProvider>
}
