import { Clock, LinkIcon, RefreshCcw, ShieldCheck } from "lucide-react";
import type { ReactNode } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import type { LinkState } from "@/server/auth/magic-links";

type Refused = Exclude<LinkState, { state: "valid" }>;

/** The heading, icon and sentence for a link that no longer signs in, by what happened to it. */
export function refusalOf(link: Refused): { title: string; icon: typeof Clock; sentence: ReactNode } {
  switch (link.state) {
    case "used":
      return {
        title: "This link was already used",
        icon: ShieldCheck,
        sentence: (
          <>
            This sign-in link was already used, <RelativeTime date={link.at} />. Each link works once.
          </>
        ),
      };
    case "superseded":
      return {
        title: "This link was replaced",
        icon: RefreshCcw,
        sentence: (
          <>
            Another sign-in link sent to this address was used <RelativeTime date={link.at} />, so this one no longer works.
          </>
        ),
      };
    case "expired":
      return {
        title: "This link has expired",
        icon: Clock,
        sentence: (
          <>
            This sign-in link has expired (<RelativeTime date={link.at} />): links work for 15 minutes after they are sent.
          </>
        ),
      };
    case "unknown":
      return {
        title: "This link does not work",
        icon: LinkIcon,
        sentence: "This sign-in link does not work: it may have been copied only in part, or it is more than a day old.",
      };
  }
}
