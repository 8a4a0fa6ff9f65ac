"use client";

import { Plus } from "lucide-react";
import { DialogButton } from "@/components/ui/dialog-button";
import { LinkForm } from "./link-form";

export function NewLinkButton({ currency, linkBase }: { currency: string; linkBase: string }) {
  return (
    <DialogButton label="New link" icon={<Plus className="h-4 w-4" aria-hidden />} title="New link" description="A custom link /a/<slug> for a partner, to any page of your store.">
      {(close) => <LinkForm currency={currency} linkBase={linkBase} onDone={close} />}
    </DialogButton>
  );
}
