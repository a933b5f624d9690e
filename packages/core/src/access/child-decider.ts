import type { AccessBasis, AccessCategory, InfoCategory } from '../children/schema.ts';
import { infoCategories } from '../children/schema.ts';
import { domainAt } from '../secrecy/domains.ts';
import type { ConsentFacts } from './consent.ts';
import type { Standing } from './grants.ts';
import type { AccessAction, AccessContext, AccessDecision, CareTeamFacts, DenyReason, EntryFacts, PolicyActor, PolicyChild } from './policy.ts';
import { allow, decideForCitizen, decideLogReview, decideWithoutPlace, deny } from './decisions.ts';
import { activeMembership, consentsForReader, coversEntry, emergencyOpens, holdsRole, writtenInMemberDomain } from './membership.ts';

const infoSet: ReadonlySet<AccessCategory> = new Set(infoCategories);

export function decideAccess(actor: PolicyActor, child: PolicyChild, action: AccessAction, category: AccessCategory, context: AccessContext): AccessDecision {
  return childDecider(actor, child, context).decide(action, category, context.entry);
}

/** The gate for one reader and one child at one instant, asked for any action, category and entry. */
export interface ChildDecider {
  decide(action: AccessAction, category: AccessCategory, entry?: EntryFacts): AccessDecision;
  /** Whether entries of a category written in other domains can reach the reader at all (see `sharedFromOtherDomains`). */
  sharedFromOtherDomains(category: InfoCategory): boolean;
}

/**
 * The same gate as `decideAccess` (which is this, asked once), for a read that asks it many times:
 * every entry of a record, the 500 events of an overview, every child of a list. What does not
 * depend on the question is found once: the reader's place on the team, their domain now, the
 * consents that count for them and name them. Equal answers are one frozen object, so a long list
 * of entries leaves no garbage. Only a member's information categories depend on the entry; every
 * other answer depends on the action and the category alone (`context.entry` is not read here).
 */
export function childDecider(actor: PolicyActor, child: PolicyChild, context: AccessContext): ChildDecider {
  return new Decider(actor, child, context);
}

// A class, not closures: a list makes one per child, and its methods are made once.
class Decider implements ChildDecider {
  private readonly asked: AccessContext;
  private readonly member: CareTeamFacts | undefined;
  private readonly standing: Standing | undefined;
  private readonly own: string | null = null;
  private answers: Map<string, AccessDecision> | undefined;
  private readable: readonly ConsentFacts[] | undefined;

  constructor(
    private readonly actor: PolicyActor,
    private readonly child: PolicyChild,
    context: AccessContext,
  ) {
    this.asked = context.purpose ? { now: context.now, rules: context.rules, purpose: context.purpose } : { now: context.now, rules: context.rules };
    this.member = actor.citizen ? undefined : activeMembership(actor, child, this.asked);
    if (this.member) {
      this.standing = { kind: 'member', member: this.member };
      this.own = domainAt(this.member.secrecyDomains, context.now);
    }
  }

  decide(action: AccessAction, category: AccessCategory, entry?: EntryFacts): AccessDecision {
    const { actor, child, asked } = this;
    if (actor.citizen) return this.known(`${action}:${category}`) ?? this.keep(`${action}:${category}`, decideForCitizen(actor.citizen, child, action, category, asked));
    if (action === 'review_log') return this.known(`log:${category}`) ?? this.keep(`log:${category}`, decideLogReview(actor, child, category));
    if (this.member) return this.decideForMember(this.member, action, category, entry);
    return this.known(`${action}:${category}`) ?? this.keep(`${action}:${category}`, decideWithoutPlace(actor, child, action, category, asked));
  }

  /** `sharedFromOtherDomains` on this decider's facts: a record asks it for every category. */
  sharedFromOtherDomains(category: InfoCategory): boolean {
    const { actor, child, asked } = this;
    const member = actor.citizen ? activeMembership(actor, child, asked) : this.member;
    if (!member) return child.emergencyAccesses.some((e) => e.userId === actor.userId && e.startsAt <= asked.now && asked.now < e.expiresAt && holdsRole(actor, e.organisationId, 'professional') && emergencyOpens(e, category));
    // The consents that count for the member and name them (as for an entry), of which one covers the category.
    const readable = member === this.member ? (this.readable ??= consentsForReader(child, member, asked)) : consentsForReader(child, member, asked);
    return readable.some((c) => c.categories.includes(category));
  }

  /** A member's answers: the record, the team and the consents by their category; an information category by the entry, where and when it was written. */
  private decideForMember(member: CareTeamFacts, action: AccessAction, category: AccessCategory, entry: EntryFacts | undefined): AccessDecision {
    if (category === 'record' || category === 'care_team' || category === 'consent') {
      if (action === 'write' && category === 'care_team' && member.role === 'member') return this.refuse('not_team_coordinator');
      return this.allowAs(member.basis, 'care_team_member');
    }
    if (category === 'access_log' || !infoSet.has(category)) return this.refuse('not_log_reviewer');
    if (action === 'write') {
      // An entry is written in the writer's own domain; without one they cannot write.
      if (this.own === null) return this.refuse('no_secrecy_domain');
      return !entry || entry.secrecyDomainId === this.own ? this.allowAs('own_organisation', 'own_secrecy_domain_entry') : this.refuse('other_secrecy_domain');
    }
    if (entry && writtenInMemberDomain(member, entry)) return this.allowAs('own_organisation', 'own_secrecy_domain_entry');
    if (!entry) return this.refuse('other_secrecy_domain');
    this.readable ??= consentsForReader(this.child, member, this.asked);
    return coversEntry(this.readable, category as InfoCategory, entry) ? this.allowAs('consent', 'consent_covers_category') : this.refuse('no_consent_for_category');
  }

  private allowAs(basis: AccessBasis, reason: string): AccessDecision {
    const key = `allow:${basis}:${reason}`;
    return this.known(key) ?? this.keep(key, allow(basis, reason, this.child, this.standing!, this.asked, this.actor));
  }

  private refuse(reason: DenyReason): AccessDecision {
    const key = `deny:${reason}`;
    return this.known(key) ?? this.keep(key, deny(reason, this.child, this.actor, this.asked, this.standing));
  }

  private known(key: string): AccessDecision | undefined {
    return this.answers?.get(key);
  }

  /** A shared answer is frozen: none of the many callers that hold it can change it for the others. */
  private keep(key: string, decision: AccessDecision): AccessDecision {
    Object.freeze(decision.fields);
    Object.freeze(decision.actions);
    (this.answers ??= new Map()).set(key, Object.freeze(decision));
    return decision;
  }
}

/**
 * Whether entries of a category written in other domains can reach the caller at all: some
 * consent in force for them covers it, or an emergency access whose ground opens it. Views say "not
 * available – no consent" where this is false.
 */
export function sharedFromOtherDomains(actor: PolicyActor, child: PolicyChild, category: InfoCategory, context: Pick<AccessContext, 'now' | 'rules'>): boolean {
  return new Decider(actor, child, context).sharedFromOtherDomains(category);
}
