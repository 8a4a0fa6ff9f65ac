import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/open";

// Vitest global setup for the PostgreSQL project: migrate one template database per run;
// every test file then gets its own copy (CREATE DATABASE … TEMPLATE), which takes a
// fraction of a second and leaves no state between files or runs.

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate: string;
  }
}

export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL!;
  const template = `aff_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${template}"`);
  const opened = await openDatabase({ url: databaseUrl(base, template), poolSize: 1 });
  await opened.close();
  project.provide("postgresTemplate", template);

  return async () => {
    const leftovers = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`${template}%`} or datname like ${`aff_t_${process.pid}_%`}`;
    for (const { datname } of leftovers) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.end();
  };
}
