import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { errorResponses, IdParams, Page } from '../../http/schemas.ts';
import { CompanySchema, CreateCompanyBody, ListCompaniesQuery, UpdateCompanyBody } from './companies.schemas.ts';
import { presentCompany } from './companies.present.ts';
import { listCompanies } from './list-companies.ts';
import { getCompany } from './get-company.ts';
import { createCompany } from './create-company.ts';
import { updateCompany } from './update-company.ts';
import { deleteCompany } from './delete-company.ts';

export function companiesRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['companies'];

    app.get('/api/v1/companies', {
      schema: { tags, summary: 'List companies by name, optionally searching name and domain (team)', querystring: ListCompaniesQuery, response: { 200: Page(CompanySchema), ...errorResponses } },
    }, async (request) => {
      const page = await listCompanies(contextOf(request, deps), request.query);
      return { items: page.items.map(presentCompany), nextCursor: page.nextCursor };
    });

    app.get('/api/v1/companies/:id', {
      schema: { tags, summary: 'Get a company (team)', params: IdParams, response: { 200: CompanySchema, ...errorResponses } },
    }, async (request) => presentCompany(await getCompany(contextOf(request, deps), request.params.id)));

    app.post('/api/v1/companies', {
      schema: { tags, summary: 'Add a company', body: CreateCompanyBody, response: { 201: CompanySchema, ...errorResponses } },
    }, async (request, reply) => reply.status(201).send(presentCompany(await createCompany(contextOf(request, deps), request.body))));

    app.patch('/api/v1/companies/:id', {
      schema: { tags, summary: 'Change a company', params: IdParams, body: UpdateCompanyBody, response: { 200: CompanySchema, ...errorResponses } },
    }, async (request) => presentCompany(await updateCompany(contextOf(request, deps), request.params.id, request.body)));

    app.delete('/api/v1/companies/:id', {
      schema: { tags, summary: 'Delete a company (its people stay, without a company)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    }, async (request, reply) => {
      await deleteCompany(contextOf(request, deps), request.params.id);
      return reply.status(204).send(null);
    });
  };
}
