import { NextIntlClientProvider } from "next-intl"
import { clientMessages } from "@/i18n/client-messages"

/** Gives the client components below the translation runtime and the texts of `namespaces`. */
export async function ClientTexts({ namespaces, children }: { namespaces: string[]; children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(...namespaces)}>{children}</NextIntlClientProvider>
}
