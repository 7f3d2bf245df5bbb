import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { config as configureZod } from "zod";
import { initI18n } from "./lib/i18n.ts";
import { router } from "./routes.tsx";
import "./styles/global.css";

const container = document.getElementById("root");
if (!container) {
  throw new Error("index.html has no #root element");
}

// The CSP forbids eval; without this Zod would try `new Function` once and log a violation.
configureZod({ jitless: true });

await initI18n();
createRoot(container).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
