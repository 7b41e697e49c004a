import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"

/** The option every OCOP listing sells by: the import and the demo catalogue create it too. */
export const PACK_SIZE_OPTION = "Quy cách"

export type EnsurePackSizeOptionInput = { product_id: string; value: string }
type Undo = { product_id: string; created_option_id?: string; added_value?: { option_id: string; value: string } }

/**
 * Medusa 2.21 variants need a value of each product option, and a value must be on the product before a variant
 * uses it: the pack-size option is created when the product has none, and the new pack size becomes one of its
 * values. Returns the option's title for the variant's `options` map.
 */
export const ensurePackSizeOptionStep = createStep(
  "ensure-pack-size-option",
  async (input: EnsurePackSizeOptionInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const products = container.resolve(Modules.PRODUCT)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "options.id", "options.title", "options.values.id", "options.values.value"],
      filters: { id: input.product_id },
    })
    const options = ((data[0] as any)?.options ?? []).filter(Boolean)
    if (!options.length) {
      await products.updateProducts(input.product_id, { options: [{ title: PACK_SIZE_OPTION, values: [input.value] }] })
      const { data: after } = await query.graph({ entity: "product", fields: ["options.id"], filters: { id: input.product_id } })
      const created = (after[0] as any)?.options?.[0]?.id as string | undefined
      return new StepResponse({ option_title: PACK_SIZE_OPTION }, { product_id: input.product_id, created_option_id: created } as Undo)
    }
    // A listing with several options (size × flavour) is edited in the admin: one value cannot name a variant.
    const option = options.find((o: any) => o.title === PACK_SIZE_OPTION) ?? (options.length === 1 ? options[0] : null)
    if (!option || options.length > 1) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "title: sản phẩm có nhiều tuỳ chọn, hãy sửa trong trang quản trị / the product has several options, edit it in the admin"
      )
    }
    if ((option.values ?? []).some((v: any) => v?.value === input.value)) {
      return new StepResponse({ option_title: option.title as string }, { product_id: input.product_id } as Undo)
    }
    await products.updateProductOptionValuesOnProduct({
      product_id: input.product_id,
      product_option_id: option.id,
      add: [{ value: input.value }],
    } as any)
    return new StepResponse({ option_title: option.title as string }, {
      product_id: input.product_id,
      added_value: { option_id: option.id, value: input.value },
    } as Undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const products = container.resolve(Modules.PRODUCT)
    if (undo.created_option_id) await products.deleteProductOptions([undo.created_option_id])
    if (undo.added_value) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "product_option_value",
        fields: ["id", "value", "option_id"],
        filters: { option_id: undo.added_value.option_id, value: undo.added_value.value },
      })
      if (data.length) {
        await products.updateProductOptionValuesOnProduct({
          product_id: undo.product_id,
          product_option_id: undo.added_value.option_id,
          remove: data.map((v: any) => v.id),
        } as any)
      }
    }
  }
)
