import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Footer } from "@/components/layout/Footer";
import { Header } from "@/components/layout/Header";
import { SkipLink } from "@/components/layout/SkipLink";
import { SERVICE_NAME } from "@/lib/site";
import "./styles/main.scss";

export const metadata: Metadata = {
  title: {
    template: `%s – ${SERVICE_NAME}`,
    default: SERVICE_NAME,
  },
  description:
    "Take part in research by THET and Imperial College London about bi-directional learning from THET-funded international health partnerships. For NHS staff.",
  applicationName: SERVICE_NAME,
  formatDetection: { telephone: false },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#005eb8",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, never prerendered at build time: the proxy's CSP nonce changes
  // with each response, and Next.js can only put it on the scripts of a page it renders then.
  await connection();
  return (
    <html lang="en-GB">
      <body>
        <SkipLink />
        <Header />
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent">
            {children}
          </main>
        </div>
        <Footer />
      </body>
    </html>
  );
}
