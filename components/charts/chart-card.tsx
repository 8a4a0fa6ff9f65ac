import { Card } from "@/components/ui/card";

export const BUCKET_NAMES = { day: "Day", week: "Week", month: "Month" } as const;

/** A chart in a card, as a figure named by its title (the chart and its table go inside). */
export function ChartCard({ id, title, description, level = 2, children }: { id: string; title: string; description: string; level?: 2 | 3; children: React.ReactNode }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <Card className="min-w-0 p-5 sm:p-6">
      <figure aria-labelledby={`${id}-title`} data-testid={id}>
        <figcaption className="mb-4">
          <Heading id={`${id}-title`} className="text-base font-semibold text-zinc-900">
            {title}
          </Heading>
          <p className="mt-1 text-sm text-zinc-500">{description}</p>
        </figcaption>
        {children}
      </figure>
    </Card>
  );
}
