import '@sesame/demo-shared/demo.css';
import { sesameOptions } from '@sesame/demo-shared';
import { createAuth, createAuthGuard } from '@sesame/vue';
import { createApp } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import App from './App.vue';
import Api from './pages/Api.vue';
import Home from './pages/Home.vue';
import Profile from './pages/Profile.vue';
import Tokens from './pages/Tokens.vue';

// Pages only a signed-in user sees; anyone else goes to the login page and comes back here.
const signedIn = createAuthGuard();

const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: Home },
    { path: '/profile', component: Profile, beforeEnter: signedIn },
    { path: '/tokens', component: Tokens, beforeEnter: signedIn },
    { path: '/api', component: Api },
  ],
});

createApp(App).use(createAuth(sesameOptions)).use(router).mount('#app');
