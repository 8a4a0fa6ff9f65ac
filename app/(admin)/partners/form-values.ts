import { bpsToPercentString, toDecimalString } from "@/lib/domain/money";
import type { PartnerRecord } from "@/lib/services/partner-lookup";
import type { PartnerFormValues } from "./partner-form";

export const EMPTY_PARTNER: PartnerFormValues = {
  name: "",
  email: "",
  status: "approved",
  referralCode: "",
  rateType: "default",
  rate: "",
  couponCodes: [],
  payoutMethod: "",
  payoutDetails: {},
  notes: "",
};

/** A stored partner as the form shows it: rates as typed text ("12.5", "5.00"). */
export function formValuesOf(p: PartnerRecord, currency: string): PartnerFormValues {
  const rateType = p.commissionType && p.commissionRate !== null ? p.commissionType : "default";
  const rate =
    rateType === "percentage" ? bpsToPercentString(p.commissionRate!) : rateType === "fixed" ? toDecimalString(p.commissionRate!, currency) : "";
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    status: p.status,
    referralCode: p.referralCode,
    rateType,
    rate,
    couponCodes: p.couponCodes,
    payoutMethod: p.payoutMethod ?? "",
    payoutDetails: p.payoutDetails,
    notes: p.notes ?? "",
  };
}
