import { PageHeader } from "./page-header";
import { Card } from "./card";

/** An honest placeholder for a section that has not been built yet. */
export function ComingSoon({ title, what }: { title: string; what: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Card className="p-10 text-center">
        <p className="text-base font-medium text-zinc-900">Coming soon</p>
        <p className="mx-auto mt-2 max-w-md text-sm text-zinc-500">This section is not built yet. It will show {what}.</p>
      </Card>
    </>
  );
}
