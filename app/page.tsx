import { BoardView } from "@/components/board/board-view";
import { requirePageRole } from "@/lib/auth/page-access";
import { getEnv } from "@/lib/env";
import {
  parseRangeSearchParams,
  todayInTimeZone,
  type SearchParamsRecord,
} from "@/lib/ui/date-range-params";

export const dynamic = "force-dynamic";

export default async function BoardPage({
  searchParams,
}: {
  searchParams: Promise<SearchParamsRecord>;
}) {
  await requirePageRole("viewer", "/");
  // Today in the organization's zone, so the default range matches the API's.
  const today = todayInTimeZone(getEnv().ORG_TIME_ZONE);
  const { range, problems } = parseRangeSearchParams(await searchParams, today);
  return <BoardView range={range} problems={problems} />;
}
