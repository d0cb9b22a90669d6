import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, type AppDeps } from '../../http/context.ts';
import { clearSessionCookie, csrfTokenFor, setSessionCookie } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import { limit } from '../../http/security.ts';
import {
  IdentifyBody, LoginBody, MagicLinkBody, MagicLinkSent, MemberSessionResponse, MeSchema, PersonSessionResponse,
  SetupBody, SetupTokenParams, SetupTokenValid, VerifiedMagicLink, VerifyMagicLinkBody,
} from './auth.schemas.ts';
import { presentSessionMember, presentSessionPerson } from './auth.present.ts';
import { getMe } from './get-me.ts';
import { checkSetupToken } from './check-setup-token.ts';
import { setUpOwner } from './set-up-owner.ts';
import { logIn } from './log-in.ts';
import { logOut } from './log-out.ts';
import { requestMagicLink } from './request-magic-link.ts';
import { verifyMagicLink } from './verify-magic-link.ts';
import { identifyPerson } from './identify-person.ts';

export function authRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['auth'];

    app.get('/api/v1/me', {
      schema: { tags, summary: 'Who am I, in which workspace, plus the CSRF token for browser requests', response: { 200: MeSchema, ...errorResponses } },
    }, async (request, reply) => {
      const me = await getMe(contextOf(request, deps));
      return { ...me, csrfToken: csrfTokenFor(reply) };
    });

    app.get('/api/v1/auth/setup/:token', {
      config: limit(10),
      schema: { tags, summary: 'Check a one-time owner setup link', params: SetupTokenParams, response: { 200: SetupTokenValid, ...errorResponses } },
    }, async (request) => {
      await checkSetupToken(contextOf(request, deps), request.params.token);
      return { valid: true as const };
    });

    app.post('/api/v1/auth/setup', {
      config: limit(10),
      schema: { tags, summary: 'Create the owner account with the setup link and sign in', body: SetupBody, response: { 201: MemberSessionResponse, ...errorResponses } },
    }, async (request, reply) => {
      const { member, session } = await setUpOwner(contextOf(request, deps), { ...request.body, previousSessionId: request.sessionId });
      setSessionCookie(reply, deps.config, session.token, session.expiresAt);
      return reply.status(201).send({ member: presentSessionMember(member) });
    });

    app.post('/api/v1/auth/login', {
      config: limit(10),
      schema: { tags, summary: 'Team sign-in with email and password', body: LoginBody, response: { 200: MemberSessionResponse, ...errorResponses } },
    }, async (request, reply) => {
      const { member, session } = await logIn(contextOf(request, deps), { ...request.body, previousSessionId: request.sessionId });
      setSessionCookie(reply, deps.config, session.token, session.expiresAt);
      return { member: presentSessionMember(member) };
    });

    app.post('/api/v1/auth/logout', {
      schema: { tags, summary: 'Sign out (ends the session)', response: { 204: Type.Null(), ...errorResponses } },
    }, async (request, reply) => {
      await logOut(contextOf(request, deps), request.sessionId);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    });

    app.post('/api/v1/auth/magic-link', {
      config: limit(5),
      schema: { tags, summary: 'Email an end user a sign-in link (answers the same for every address)', body: MagicLinkBody, response: { 202: MagicLinkSent, ...errorResponses } },
    }, async (request, reply) => {
      await requestMagicLink(contextOf(request, deps), request.body);
      return reply.status(202).send({ sent: true as const });
    });

    app.post('/api/v1/auth/magic-link/verify', {
      config: limit(10),
      schema: { tags, summary: 'Use a sign-in link: starts an end-user session', body: VerifyMagicLinkBody, response: { 200: VerifiedMagicLink, ...errorResponses, 410: errorResponses[404] } },
    }, async (request, reply) => {
      const { person, returnTo, session } = await verifyMagicLink(contextOf(request, deps), { token: request.body.token, previousSessionId: request.sessionId });
      setSessionCookie(reply, deps.config, session.token, session.expiresAt);
      return { person: presentSessionPerson(person), returnTo };
    });

    app.post('/api/v1/auth/identify', {
      config: limit(20),
      schema: { tags, summary: 'Continue with just name and email (only when the workspace allows it)', body: IdentifyBody, response: { 200: PersonSessionResponse, ...errorResponses } },
    }, async (request, reply) => {
      const { person, session } = await identifyPerson(contextOf(request, deps), { ...request.body, previousSessionId: request.sessionId });
      setSessionCookie(reply, deps.config, session.token, session.expiresAt);
      return { person: presentSessionPerson(person) };
    });
  };
}
