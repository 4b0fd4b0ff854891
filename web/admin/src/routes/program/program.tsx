import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/common/page-header.tsx';
import { EarningRulesSection } from './components/earning-rules-section.tsx';
import { RewardsSection } from './components/rewards-section.tsx';
import { TiersSection } from './components/tiers-section.tsx';
import { ReferralReviewSection } from './components/referral-review-section.tsx';
import { CausesSection, ChallengesSection, MembershipPlansSection, StampCardsSection } from './components/engagement-sections.tsx';
import { GivingSection } from './components/giving-section.tsx';
import { PartnersSection } from './components/partners-section.tsx';

/** How customers earn and what they can redeem. */
export default function ProgramPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('program.title')} description={t('program.description')} />
      <Stack gap="lg">
        <EarningRulesSection />
        <RewardsSection />
        <TiersSection />
        <ReferralReviewSection />
        <StampCardsSection />
        <ChallengesSection />
        <MembershipPlansSection />
        <CausesSection />
        <GivingSection />
        <PartnersSection />
      </Stack>
    </>
  );
}
