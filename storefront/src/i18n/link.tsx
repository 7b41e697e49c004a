import NextLink from "next/link"
import type { ComponentProps } from "react"
import { getLocale } from "next-intl/server"
import { localizePath, type Href } from "./paths"

type Props = Omit<ComponentProps<typeof NextLink>, "href" | "locale"> & { href: Href }

/**
 * A link to a page of the shop in the current language, for server components. next-intl's own `Link` is a client
 * component (with the translation runtime behind it); this one prefixes the path on the server and hands Next's
 * link a plain URL, so catalogue pages ship no code of next-intl.
 */
export async function Link({ href, ...props }: Props) {
  return <NextLink href={localizePath(href, await getLocale())} {...props} />
}
