import { useTranslation } from "react-i18next";

export function FieldError({ id, message }: { id: string; message: string }) {
  const { t } = useTranslation();
  return (
    <p className="field__error" id={id}>
      <span className="visually-hidden">{t("common.errorPrefix")} </span>
      {message}
    </p>
  );
}
