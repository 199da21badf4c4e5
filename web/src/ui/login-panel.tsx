import { Container, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface LoginPanelProps {
  title: string;
  intro: string;
  /** The login form or buttons. */
  children: ReactNode;
  /** Explanation beside the form (what this portal is for); below it on phones. */
  aside?: ReactNode;
}

/** The shared frame of the three login pages: heading, intro, the form in a card, an explanation. */
export function LoginPanel({ title, intro, children, aside }: LoginPanelProps) {
  return (
    <Container size={aside ? 'lg' : 'xs'} px={0} py={{ base: 'md', sm: 'xl' }}>
      <SimpleGrid cols={{ base: 1, md: aside ? 2 : 1 }} spacing="xl">
        <Stack gap="md">
          <Title order={1}>{title}</Title>
          <Text>{intro}</Text>
          <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} radius="md">
            {children}
          </Paper>
        </Stack>
        {aside && (
          <Stack gap="md" pt={{ base: 0, md: 'xl' }}>
            {aside}
          </Stack>
        )}
      </SimpleGrid>
    </Container>
  );
}
