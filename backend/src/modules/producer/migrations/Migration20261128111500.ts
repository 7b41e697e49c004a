import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Women-led and ethnic-minority-led become yes / no / unknown (issue 14): the curator dashboard's shares are taken
 * over producers whose answer is known. Every `false` so far was the column default, never an answer (no list or
 * form asked), so it becomes unknown; a `true` was stated and stays.
 */
export class Migration20261128111500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "producer" alter column "women_led" drop default, alter column "women_led" drop not null;`)
    this.addSql(`alter table if exists "producer" alter column "ethnic_minority_led" drop default, alter column "ethnic_minority_led" drop not null;`)
    this.addSql(`update "producer" set "women_led" = null where "women_led" = false;`)
    this.addSql(`update "producer" set "ethnic_minority_led" = null where "ethnic_minority_led" = false;`)
  }

  override async down(): Promise<void> {
    this.addSql(`update "producer" set "women_led" = false where "women_led" is null;`)
    this.addSql(`update "producer" set "ethnic_minority_led" = false where "ethnic_minority_led" is null;`)
    this.addSql(`alter table if exists "producer" alter column "women_led" set default false, alter column "women_led" set not null;`)
    this.addSql(
      `alter table if exists "producer" alter column "ethnic_minority_led" set default false, alter column "ethnic_minority_led" set not null;`
    )
  }
}
