import type { ClaimFormWords } from "@/components/ClaimForm";
import type { EventFormWords } from "@/components/EventForm";
import type { FormActionWords } from "@/components/RecordFormFields";
import { getTranslations } from "@/i18n/messages";
import type { ClaimField } from "@/lib/domain/claim-input";
import type { ClaimantKind, ClaimKind, Hedge } from "@/lib/domain/claims";
import type { EventField } from "@/lib/domain/event-input";
import type { EventKind } from "@/lib/domain/types";

/*
 * The claim and event forms are client components and no catalog is sent to the browser, so
 * their pages look the words up here and pass them down. Labels and hints are plain text (no
 * placeholders), hence `raw`: a whole group at once, keyed like the form's fields.
 */

async function actionWords(): Promise<FormActionWords> {
  const t = await getTranslations("RecordFormFields");
  return { saving: t("saving"), cancel: t("cancel") };
}

export async function claimFormWords(): Promise<ClaimFormWords> {
  const [t, card, page, actions] = await Promise.all([
    getTranslations("ClaimForm"),
    getTranslations("ClaimCard"),
    getTranslations("ClaimsPage"),
    actionWords(),
  ]);
  return {
    labels: t.raw("labels") as Record<ClaimField, string>,
    hints: t.raw("hints") as Partial<Record<ClaimField, string>>,
    claimants: card.raw("claimants") as Record<ClaimantKind, string>,
    kinds: card.raw("kinds") as Record<ClaimKind, string>,
    hedges: page.raw("hedges") as Record<Hedge, string>,
    who: t("who"),
    what: t("what"),
    chooseMetric: t("chooseMetric"),
    none: t("none"),
    yoy: t("yoy"),
    qoq: t("qoq"),
    actions,
  };
}

export async function eventFormWords(): Promise<EventFormWords> {
  const [t, list, actions] = await Promise.all([
    getTranslations("EventForm"),
    getTranslations("EventList"),
    actionWords(),
  ]);
  return {
    labels: t.raw("labels") as Record<EventField, string>,
    hints: t.raw("hints") as Partial<Record<EventField, string>>,
    kinds: list.raw("kinds") as Record<EventKind, string>,
    metricsHint: t("metricsHint"),
    source: t("source"),
    actions,
  };
}
