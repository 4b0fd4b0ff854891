import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/common/page-header.tsx';
import { EmailsNav } from './components/emails-nav.tsx';
import { FlowsSection } from './components/flows-section.tsx';
import { MessagesSection } from './components/messages-section.tsx';

/** The lifecycle emails: which flows are on, what each says, and what was sent to whom (the campaigns are the next tab). */
export default function EmailsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('emails.title')} description={t('emails.description')} />
      <EmailsNav />
      <Stack gap="lg">
        <FlowsSection />
        <MessagesSection />
      </Stack>
    </>
  );
}
