"use client";

import { Card } from "@/components/ui/card";
import { ErrorNotice } from "@/components/ui/error-notice";

// An admin page failed to render: the console's navigation stays, so the rest of it is a
// click away.
export default function AdminPageError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <Card className="p-10">
      <ErrorNotice digest={error.digest} retry={retry} />
    </Card>
  );
}
