import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import OcopModule from "../modules/ocop"

// A product keeps every certificate it was ever granted; at most one is active.
export default defineLink(ProductModule.linkable.product, {
  linkable: OcopModule.linkable.certification,
  isList: true,
  deleteCascade: true,
})
