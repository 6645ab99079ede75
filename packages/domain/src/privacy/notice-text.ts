/**
 * The privacy notice text in each language, with `{organization}` where the
 * organization's name goes (filled in at display time by privacyNotice()).
 *
 * Drafted by the developers from the domain brief (LFPDPPP 2025: express
 * written consent for sensitive data, necessary and optional purposes kept
 * apart, ARCO rights). It is not legal advice: the clinic's lawyer must
 * review every language before use, and any change in substance must bump
 * PRIVACY_NOTICE_VERSION.
 */
import type { PrivacyNoticeLanguage, PrivacyNoticeText } from './notice.js';

export const PRIVACY_NOTICE_TEXTS: Record<PrivacyNoticeLanguage, PrivacyNoticeText> = {
  es: {
    title: 'Aviso de privacidad de {organization}',
    sections: [
      {
        heading: 'Quién cuida tus datos',
        paragraphs: [
          '{organization} es responsable de tus datos personales. Los protege conforme a la ley mexicana: la Ley Federal de Protección de Datos Personales en Posesión de los Particulares.',
          'Este aviso te explica qué datos te pedimos, para qué los usamos y cuáles son tus derechos.',
        ],
      },
      {
        heading: 'Qué datos te pedimos',
        paragraphs: [
          'Te pedimos datos para saber quién eres y para poder comunicarnos contigo. También te preguntamos por las personas de tu familia que viajan contigo, por tu situación migratoria y por tu trámite de asilo.',
          'Algunos datos son sensibles: la violencia que viviste, tu salud, los riesgos que enfrentas y tu seguridad. Para usar estos datos sensibles necesitamos tu consentimiento expreso y por escrito.',
          'Solo te preguntamos lo que necesitamos. Si no quieres contestar alguna pregunta, no tienes que hacerlo.',
        ],
      },
      {
        heading: 'Para qué los necesitamos',
        paragraphs: [
          'Usamos tus datos para acompañarte en tu trámite de asilo y refugio ante la COMAR (Comisión Mexicana de Ayuda a Refugiados), para darte atención psicológica y de trabajo social, y para planear contigo tu seguridad.',
          'Sin estos datos no podemos darte estos servicios.',
        ],
      },
      {
        heading: 'Usos que tú decides',
        paragraphs: [
          'Hay otros usos que no son necesarios para atenderte. Te preguntamos por cada uno por separado, y solo los hacemos si das tu consentimiento expreso. Puedes decir que no, y no pierdes ningún servicio.',
          'Son tres. El primero es enviarte con otra organización: solo la que tú digas, y solo con los datos que aceptes compartir. El segundo es llamarte o mandarte mensajes. El tercero es usar tus datos de forma anónima, sin tu nombre ni nada que te identifique, en estadísticas que ayudan a mejorar las políticas públicas para mujeres migrantes.',
        ],
      },
      {
        heading: 'Quién más los ve',
        paragraphs: [
          'Solo las personas del equipo que trabajan en tu caso ven tus datos.',
          'No los compartimos con las autoridades de migración ni con nadie más sin tu consentimiento. La única excepción es cuando una ley o un juez nos lo ordena.',
        ],
      },
      {
        heading: 'Cómo los protegemos',
        paragraphs: [
          'Guardamos tu historia y tus documentos cifrados, para que nadie sin permiso pueda leerlos. Solo las personas autorizadas pueden abrirlos, y cada vez que alguien los abre, queda registrado.',
        ],
      },
      {
        heading: 'Tus derechos (derechos ARCO)',
        paragraphs: [
          'Puedes pedir ver tus datos, corregirlos, borrarlos u oponerte a que los usemos. Estos son tus derechos ARCO: Acceso, Rectificación, Cancelación y Oposición.',
          'También puedes retirar un consentimiento cuando quieras. Si lo retiras, desde ese momento dejamos de hacer lo que depende de él.',
          'Para cualquiera de estas cosas, díselo a cualquier persona del equipo de {organization} o escríbenos. Es gratis.',
        ],
      },
      {
        heading: 'Si este aviso cambia',
        paragraphs: ['Si este aviso cambia, te lo vamos a decir.'],
      },
    ],
  },
  en: {
    title: 'Privacy notice from {organization}',
    sections: [
      {
        heading: 'Who looks after your information',
        paragraphs: [
          '{organization} is responsible for your personal data. It protects them under Mexican law: the Ley Federal de Protección de Datos Personales en Posesión de los Particulares (Mexico’s federal law on personal data held by private parties).',
          'This notice tells you what information we ask for, why we use it and what your rights are.',
        ],
      },
      {
        heading: 'What information we ask for',
        paragraphs: [
          'We ask for information to know who you are and to stay in touch with you. We also ask about the family members who travel with you, your migration situation and your asylum process.',
          'Some information is sensitive: the violence you lived through, your health, the dangers you face and your safety. To use this sensitive information, we need your express written consent.',
          'We only ask for what we need. If you do not want to answer a question, you do not have to.',
        ],
      },
      {
        heading: 'Why we need it',
        paragraphs: [
          'We use your information to support you in your asylum and refugee process before COMAR (Comisión Mexicana de Ayuda a Refugiados, Mexico’s refugee agency), to give you psychological care and social work support, and to plan your safety with you.',
          'Without this information, we cannot give you these services.',
        ],
      },
      {
        heading: 'Uses you decide on',
        paragraphs: [
          'There are other uses that are not needed to help you. We ask you about each one separately, and we only do it if you give your express consent. You can say no, and you will not lose any service.',
          'There are three. The first is to refer you to another organization: only the one you name, and only with the information you agree to share. The second is to call you or send you messages. The third is to use your information anonymously, without your name or anything that identifies you, in statistics that help improve public policy for migrant women.',
        ],
      },
      {
        heading: 'Who else sees it',
        paragraphs: [
          'Only the staff who work on your case see your information.',
          'We do not share it with migration authorities or with anyone else without your consent. The only exception is when a law or a judge orders us to.',
        ],
      },
      {
        heading: 'How we protect it',
        paragraphs: [
          'We keep your story and your documents encrypted, so that no one without permission can read them. Only authorized staff can open them, and every time someone opens them, it is recorded.',
        ],
      },
      {
        heading: 'Your rights (ARCO rights)',
        paragraphs: [
          'You can ask to see your information, correct it, delete it or object to its use. These are your ARCO rights, from the Spanish words Acceso, Rectificación, Cancelación and Oposición.',
          'You can also withdraw a consent at any time. If you withdraw it, from that moment on we stop doing what depends on it.',
          'To do any of this, tell any staff member of {organization} or write to us. It is free.',
        ],
      },
      {
        heading: 'If this notice changes',
        paragraphs: ['If this notice changes, we will tell you.'],
      },
    ],
  },
  fr: {
    title: 'Avis de confidentialité de {organization}',
    sections: [
      {
        heading: 'Qui protège vos données',
        paragraphs: [
          '{organization} est responsable de vos données personnelles et les protège selon la loi mexicaine, la Ley Federal de Protección de Datos Personales en Posesión de los Particulares (loi fédérale mexicaine sur les données personnelles détenues par des particuliers).',
          'Cet avis vous explique quelles données nous vous demandons, pourquoi nous les utilisons et quels sont vos droits.',
        ],
      },
      {
        heading: 'Les données que nous vous demandons',
        paragraphs: [
          'Nous vous demandons des données pour savoir qui vous êtes et pour rester en contact avec vous. Nous vous posons aussi des questions sur les membres de votre famille qui voyagent avec vous, sur votre situation migratoire et sur votre demande d’asile.',
          'Certaines données sont sensibles. Ce sont les violences que vous avez subies, votre santé, les dangers qui vous menacent et votre sécurité. Pour utiliser ces données sensibles, nous avons besoin de votre consentement exprès et écrit.',
          'Nous demandons seulement ce qui est nécessaire. Si vous ne voulez pas répondre à une question, vous n’êtes pas obligée.',
        ],
      },
      {
        heading: 'Pourquoi nous en avons besoin',
        paragraphs: [
          'Nous utilisons vos données pour vous accompagner dans votre demande d’asile et de statut de réfugiée auprès de la COMAR (Comisión Mexicana de Ayuda a Refugiados, l’organisme mexicain chargé des réfugiés), pour vous offrir un soutien psychologique et un suivi social, et pour préparer avec vous votre sécurité.',
          'Sans ces données, nous ne pouvons pas vous offrir ces services.',
        ],
      },
      {
        heading: 'Les usages que vous choisissez',
        paragraphs: [
          'D’autres usages ne sont pas nécessaires pour vous aider. Nous vous demandons votre accord pour chacun séparément, et nous le faisons seulement si vous donnez votre consentement exprès. Vous pouvez dire non, et vous ne perdez aucun service.',
          'Il y en a trois. Le premier est de vous orienter vers une autre organisation, seulement celle que vous choisissez, et seulement avec les données que vous acceptez de partager. Le deuxième est de vous appeler ou de vous envoyer des messages. Le troisième est d’utiliser vos données de façon anonyme, sans votre nom ni rien qui permette de vous reconnaître, dans des statistiques qui aident à améliorer les politiques publiques pour les femmes migrantes.',
        ],
      },
      {
        heading: 'Qui d’autre les voit',
        paragraphs: [
          'Seules les personnes de l’équipe qui travaillent sur votre dossier voient vos données.',
          'Nous ne les partageons pas avec les autorités migratoires ni avec personne d’autre sans votre consentement. La seule exception, c’est quand une loi ou un juge nous l’ordonne.',
        ],
      },
      {
        heading: 'Comment nous les protégeons',
        paragraphs: [
          'Nous gardons votre histoire et vos documents chiffrés, pour que personne sans autorisation ne puisse les lire. Seules les personnes autorisées peuvent les ouvrir, et chaque fois que quelqu’un les ouvre, c’est enregistré.',
        ],
      },
      {
        heading: 'Vos droits (droits ARCO)',
        paragraphs: [
          'Vous pouvez demander à voir vos données, à les corriger ou à les effacer, et vous pouvez vous opposer à leur utilisation. Ce sont vos droits ARCO, d’après les mots espagnols Acceso, Rectificación, Cancelación et Oposición.',
          'Vous pouvez aussi retirer un consentement à tout moment. Si vous le retirez, nous arrêtons dès ce moment tout ce qui en dépend.',
          'Pour tout cela, parlez à n’importe quelle personne de l’équipe de {organization} ou écrivez-nous. C’est gratuit.',
        ],
      },
      {
        heading: 'Si cet avis change',
        paragraphs: ['Si cet avis change, nous vous le dirons.'],
      },
    ],
  },
  ht: {
    title: 'Avi {organization} sou konfidansyalite',
    sections: [
      {
        heading: 'Kiyès ki pwoteje enfòmasyon ou yo',
        paragraphs: [
          '{organization} responsab enfòmasyon pèsonèl ou yo. Li pwoteje yo dapre lwa Meksik la, Ley Federal de Protección de Datos Personales en Posesión de los Particulares (lwa federal sou enfòmasyon pèsonèl òganizasyon prive yo kenbe).',
          'Avi sa a esplike w ki enfòmasyon nou mande w, poukisa nou sèvi ak yo, ak ki dwa ou genyen.',
        ],
      },
      {
        heading: 'Ki enfòmasyon nou mande w',
        paragraphs: [
          'Nou mande w enfòmasyon pou nou konnen kiyès ou ye epi pou nou ka kontakte w. Nou mande w tou ki moun nan fanmi w k ap vwayaje avè w, ak kesyon sou sitiyasyon imigrasyon ou ak demann azil ou.',
          'Gen kèk enfòmasyon ki sansib: vyolans ou te sibi, sante w, danje ki menase w ak sekirite w. Pou nou sèvi ak enfòmasyon sansib sa yo, nou bezwen konsantman ou, byen klè epi alekri.',
          'Nou mande sèlman sa nou bezwen. Si gen yon kesyon ou pa vle reponn, ou pa oblije reponn li.',
        ],
      },
      {
        heading: 'Poukisa nou bezwen yo',
        paragraphs: [
          'Nou sèvi ak enfòmasyon ou yo pou nou akonpaye w nan demann azil ak estati refijye ou devan COMAR (Comisión Mexicana de Ayuda a Refugiados, biwo gouvènman Meksik ki okipe refijye yo), pou nou ba w swen sikolojik ak sipò yon travayè sosyal, epi pou nou fè yon plan sekirite avè w.',
          'San enfòmasyon sa yo, nou pa ka ba w sèvis sa yo.',
        ],
      },
      {
        heading: 'Sa se ou ki deside',
        paragraphs: [
          'Gen lòt fason nou ta ka sèvi ak enfòmasyon ou yo ki pa nesesè pou nou ede w. Nou mande w pou chak youn apa, epi nou fè l sèlman si ou di nou klèman ou dakò. Ou ka di non, epi ou p ap pèdi okenn sèvis.',
          'Gen twa. Premye a, se voye w al jwenn yon lòt òganizasyon: sèlman òganizasyon ou chwazi a, epi sèlman ak enfòmasyon ou dakò pou nou pataje. Dezyèm nan, se rele w oswa voye mesaj pou ou. Twazyèm nan, se sèvi ak enfòmasyon ou yo san non w ni okenn lòt bagay ki ka fè moun rekonèt ou, nan estatistik ki ede amelyore politik piblik pou fanm migran yo.',
        ],
      },
      {
        heading: 'Kiyès ki wè enfòmasyon ou yo',
        paragraphs: [
          'Se sèlman moun nan ekip la k ap travay sou dosye w la ki wè enfòmasyon ou yo.',
          'Nou pa pataje yo ak otorite imigrasyon yo, ni ak okenn lòt moun, si ou pa dakò. Sèl eksepsyon an, se lè yon lwa oswa yon jij ban nou lòd pou sa.',
        ],
      },
      {
        heading: 'Kijan nou pwoteje yo',
        paragraphs: [
          'Nou sere istwa w ak dokiman ou yo an kòd sekrè (kripte), pou moun ki pa gen pèmisyon pa ka li yo. Se sèlman moun ki gen pèmisyon ki ka louvri yo, epi chak fwa yon moun louvri yo, sistèm nan anrejistre sa.',
        ],
      },
      {
        heading: 'Dwa ou yo (dwa ARCO)',
        paragraphs: [
          'Ou ka mande pou w wè enfòmasyon ou yo, pou nou korije yo, pou nou efase yo, oswa di nou ou pa vle nou sèvi ak yo. Se dwa ARCO ou yo. Non an soti nan mo panyòl Acceso, Rectificación, Cancelación ak Oposición.',
          'Ou ka retire yon konsantman tou, nenpòt ki lè. Si ou retire l, depi lè sa a nou sispann fè sa ki te depann de li.',
          'Pou fè nenpòt nan bagay sa yo, pale ak nenpòt moun nan ekip {organization}, oswa ekri nou. Sa pa koute w anyen.',
        ],
      },
      {
        heading: 'Si avi sa a chanje',
        paragraphs: ['Si avi sa a chanje, n ap fè w konnen.'],
      },
    ],
  },
  pt: {
    title: 'Aviso de privacidade de {organization}',
    sections: [
      {
        heading: 'Quem cuida dos seus dados',
        paragraphs: [
          '{organization} é responsável pelos seus dados pessoais e os protege de acordo com a lei mexicana: a Ley Federal de Protección de Datos Personales en Posesión de los Particulares (lei federal de proteção de dados pessoais em posse de particulares).',
          'Este aviso explica quais dados pedimos, para que os usamos e quais são os seus direitos.',
        ],
      },
      {
        heading: 'Quais dados pedimos',
        paragraphs: [
          'Pedimos dados para saber quem você é e para entrar em contato com você. Também perguntamos sobre os familiares que viajam com você, sobre sua situação migratória e sobre seu pedido de asilo.',
          'Alguns dados são sensíveis: a violência que você sofreu, sua saúde, os riscos que você corre e sua segurança. Para usar esses dados sensíveis, precisamos do seu consentimento expresso e por escrito.',
          'Só perguntamos o que é necessário. Se você não quiser responder alguma pergunta, não precisa responder.',
        ],
      },
      {
        heading: 'Para que precisamos deles',
        paragraphs: [
          'Usamos seus dados para acompanhar você no pedido de asilo e refúgio junto à COMAR (Comisión Mexicana de Ayuda a Refugiados, o órgão do governo mexicano que cuida de refugiados), para oferecer atendimento psicológico e de serviço social, e para planejar com você a sua segurança.',
          'Sem esses dados, não podemos oferecer esses serviços.',
        ],
      },
      {
        heading: 'Usos que você decide',
        paragraphs: [
          'Há outros usos que não são necessários para atender você. Perguntamos sobre cada um separadamente, e só fazemos se você der seu consentimento expresso. Você pode dizer não, e não perde nenhum serviço.',
          'São três. O primeiro é encaminhar você para outra organização: só a que você indicar, e só com os dados que você aceitar compartilhar. O segundo é ligar para você ou mandar mensagens. O terceiro é usar seus dados de forma anônima, sem seu nome nem nada que identifique você, em estatísticas que ajudam a melhorar as políticas públicas para mulheres migrantes.',
        ],
      },
      {
        heading: 'Quem mais vê seus dados',
        paragraphs: [
          'Só as pessoas da equipe que trabalham no seu caso veem seus dados.',
          'Não compartilhamos seus dados com as autoridades de migração nem com mais ninguém sem o seu consentimento. A única exceção é quando uma lei ou um juiz manda.',
        ],
      },
      {
        heading: 'Como protegemos seus dados',
        paragraphs: [
          'Guardamos sua história e seus documentos criptografados, para que ninguém sem permissão possa lê-los. Só as pessoas autorizadas podem abri-los, e cada vez que alguém os abre, isso fica registrado.',
        ],
      },
      {
        heading: 'Seus direitos (direitos ARCO)',
        paragraphs: [
          'Você pode pedir para ver seus dados, corrigi-los, apagá-los ou se opor ao uso deles. São os seus direitos ARCO, das palavras em espanhol Acceso, Rectificación, Cancelación e Oposición.',
          'Você também pode retirar um consentimento quando quiser. Se retirar, a partir desse momento paramos de fazer o que depende dele.',
          'Para qualquer uma dessas coisas, fale com qualquer pessoa da equipe de {organization} ou escreva para nós. É gratuito.',
        ],
      },
      {
        heading: 'Se este aviso mudar',
        paragraphs: ['Se este aviso mudar, vamos avisar você.'],
      },
    ],
  },
};
