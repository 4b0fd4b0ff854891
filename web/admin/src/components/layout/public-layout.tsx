import { Box, Center, Group, Paper, Text } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { PageLoader } from '../common/page-loader.tsx';
import { LanguageSwitch } from './language-switch.tsx';

/** Sign-in and set-up pages: a card in the middle, the language switch above it. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0" px="md" py="xl">
      <Group justify="space-between" maw={440} mx="auto" mb="lg">
        <Text fw={700} size="lg">
          {t('app.name')}
        </Text>
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper component="main" withBorder shadow="xs" p="xl" w="100%" maw={440}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Paper>
      </Center>
    </Box>
  );
}
