import { useTranslation } from "react-i18next";
import type { ApiError } from "./api.ts";
import { formatWaitDuration } from "./format.ts";
import { currentLocale } from "./i18n.ts";

/** Translates an API error code into a sentence for people; the server's own message is never shown. */
export function useErrorMessage(): (error: ApiError) => string {
  const { t } = useTranslation();
  return (error) => {
    const locale = currentLocale();
    switch (error.code) {
      case "locked_out":
        return error.retryAfterSeconds === undefined
          ? t("errors.locked_out_later")
          : t("errors.locked_out", { duration: formatWaitDuration(error.retryAfterSeconds, locale) });
      case "rate_limited":
        return error.retryAfterSeconds === undefined
          ? t("errors.rate_limited_later")
          : t("errors.rate_limited", { duration: formatWaitDuration(error.retryAfterSeconds, locale) });
      default:
        return t(`errors.${error.code}`);
    }
  };
}
